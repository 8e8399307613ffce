"""English dates written in full, as the Spanish ones are ("19 de mayo de 2016"; "May 19, 2016")."""

DATE_FORMAT = "F j, Y"
