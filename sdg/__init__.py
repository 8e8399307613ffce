"""The UN SDG framework (17 goals, 169 targets, the global indicators) in Spanish and English."""
