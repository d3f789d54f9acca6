"""`kg bench --serving`: what a reader waits for on a large build (the whole corpus).

    sample.py   the pages to ask for, drawn from the build (seeded), and the search terms
    measure.py  kg serve ready time, each page once uncached, kg query startup and named
                queries, memory per worker process
    goals.py    the issue's goals, the table and the README between its markers
"""
