"""Open data: a published SCDL « Délibérations » CSV compared with the acts it describes."""
