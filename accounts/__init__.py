"""People who sign in: the custom user, sign-in, profile, and the roles that are not committee posts."""
