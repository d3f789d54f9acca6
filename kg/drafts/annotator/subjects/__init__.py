"""Whose duty a sentence states when its text does not say it in full: the level of a
department named bare (levels.py) and the party a thing or an act as subject binds
(implied.py). GUIDELINE §8 and §11."""
