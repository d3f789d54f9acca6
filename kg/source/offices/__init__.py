"""The actor grammar's implementation; its public face is kg.source.designations."""
