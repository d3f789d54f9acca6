"""Review of machine-made annotations: decisions in the curated files (`kg review`)."""
