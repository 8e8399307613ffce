"""The audit trail: who did what to which object, when, and what changed.

The lowest app: every other app records through ``audit.services.audit_record``.
"""
