"""Countries and Mexican states an organization can be based in.

Countries are the ISO 3166-1 alpha-2 codes of the places the alliance works with: Mexico,
Central America and the Caribbean (where projects are replicated) and the home countries of
its partners and of the members' parent companies.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Country(models.TextChoices):
    MEXICO = "MX", _("Mexico")
    ARGENTINA = "AR", _("Argentina")
    BELIZE = "BZ", _("Belize")
    BRAZIL = "BR", _("Brazil")
    CANADA = "CA", _("Canada")
    CHILE = "CL", _("Chile")
    CHINA = "CN", _("China")
    COLOMBIA = "CO", _("Colombia")
    COSTA_RICA = "CR", _("Costa Rica")
    CUBA = "CU", _("Cuba")
    DENMARK = "DK", _("Denmark")
    DOMINICAN_REPUBLIC = "DO", _("Dominican Republic")
    ECUADOR = "EC", _("Ecuador")
    EL_SALVADOR = "SV", _("El Salvador")
    FRANCE = "FR", _("France")
    GERMANY = "DE", _("Germany")
    GUATEMALA = "GT", _("Guatemala")
    HAITI = "HT", _("Haiti")
    HONDURAS = "HN", _("Honduras")
    ITALY = "IT", _("Italy")
    JAMAICA = "JM", _("Jamaica")
    JAPAN = "JP", _("Japan")
    KOREA = "KR", _("South Korea")
    NETHERLANDS = "NL", _("Netherlands")
    NICARAGUA = "NI", _("Nicaragua")
    NORWAY = "NO", _("Norway")
    PANAMA = "PA", _("Panama")
    PERU = "PE", _("Peru")
    SPAIN = "ES", _("Spain")
    SWEDEN = "SE", _("Sweden")
    SWITZERLAND = "CH", _("Switzerland")
    UNITED_KINGDOM = "GB", _("United Kingdom")
    UNITED_STATES = "US", _("United States")
    URUGUAY = "UY", _("Uruguay")


class MexicanState(models.TextChoices):
    """The 32 federal entities, by their ISO 3166-2:MX codes; names are proper nouns."""

    AGU = "AGU", "Aguascalientes"
    BCN = "BCN", "Baja California"
    BCS = "BCS", "Baja California Sur"
    CAM = "CAM", "Campeche"
    CHP = "CHP", "Chiapas"
    CHH = "CHH", "Chihuahua"
    CMX = "CMX", _("Mexico City")
    COA = "COA", "Coahuila"
    COL = "COL", "Colima"
    DUR = "DUR", "Durango"
    GUA = "GUA", "Guanajuato"
    GRO = "GRO", "Guerrero"
    HID = "HID", "Hidalgo"
    JAL = "JAL", "Jalisco"
    MEX = "MEX", _("State of Mexico")
    MIC = "MIC", "Michoacán"
    MOR = "MOR", "Morelos"
    NAY = "NAY", "Nayarit"
    NLE = "NLE", "Nuevo León"
    OAX = "OAX", "Oaxaca"
    PUE = "PUE", "Puebla"
    QUE = "QUE", "Querétaro"
    ROO = "ROO", "Quintana Roo"
    SLP = "SLP", "San Luis Potosí"
    SIN = "SIN", "Sinaloa"
    SON = "SON", "Sonora"
    TAB = "TAB", "Tabasco"
    TAM = "TAM", "Tamaulipas"
    TLA = "TLA", "Tlaxcala"
    VER = "VER", "Veracruz"
    YUC = "YUC", "Yucatán"
    ZAC = "ZAC", "Zacatecas"
