"""Demo accounts. Their e-mail addresses are a contract: other issues and tests rely on them.

Every demo person is invented, and marked so (``User.is_fictitious``).
"""

from .models import User

DEMO_PASSWORD = "axs-demo-2026"
COMMITTEE_GOALS = (4, 7, 10, 11, 12)

DEMO_PEOPLE = [
    ("staff@amexcid.example", "Ana Lucía Ramírez Ortega", User.Role.STAFF, "Coordinadora de la Alianza, DGCREB"),
    ("evaluador@axs.example", "Jorge Castillo Meneses", User.Role.EVALUATOR, "Asesor técnico"),
    ("representante@axs.example", "Mariana Torres Aguilar", User.Role.REPRESENTATIVE, "Gerente de Sostenibilidad"),
]
CHAIR_NAMES = {
    4: "Gabriela Núñez Ibarra",
    7: "Ricardo Peña Solís",
    10: "Verónica Salas Quiroga",
    11: "Andrés Villaseñor Cruz",
    12: "Lucía Herrera Domínguez",
}
SECRETARY_NAMES = {
    4: "Tomás Beltrán Ochoa",
    7: "Paola Ríos Campos",
    10: "Hugo Zamora Lechuga",
    11: "Daniela Fuentes Arriaga",
    12: "Sofía Cárdenas Luna",
}
for goal in COMMITTEE_GOALS:
    DEMO_PEOPLE.append(
        (f"presidencia.ods{goal}@axs.example", CHAIR_NAMES[goal], User.Role.REPRESENTATIVE, "Presidencia del comité")
    )
    DEMO_PEOPLE.append(
        (f"secretaria.ods{goal}@axs.example", SECRETARY_NAMES[goal], User.Role.REPRESENTATIVE, "Secretaría del comité")
    )


def load(stdout):
    """Create the demo accounts that do not exist yet; leave existing ones as they are."""
    created = 0
    User.objects.filter(email__in=[row[0] for row in DEMO_PEOPLE], is_fictitious=False).update(is_fictitious=True)
    for email, full_name, role, job_title in DEMO_PEOPLE:
        if User.objects.filter(email=email).exists():
            continue
        User.objects.create_user(
            email=email,
            password=DEMO_PASSWORD,
            full_name=full_name,
            role=role,
            job_title=job_title,
            is_superuser=role == User.Role.STAFF,
            is_fictitious=True,
        )
        created += 1
    stdout.write(f"Accounts: {created} created, {len(DEMO_PEOPLE) - created} already there.")
