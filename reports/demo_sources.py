"""The demo's bibliography and acronyms (the seed's, in fields), the alliance's six objectives, fulfilled, and the
systematization's successes.

Quoted from the seed (sections “Cumplimiento de los objetivos propuestos”, whose note 33 names AMEXCID 2017a
as where the objectives are stated, and “Aciertos”); the English is a faithful translation.
"""

import datetime

D = datetime.date
# (key, kind, authors, year, letter, title, day, place, publisher, url, accessed on)
WORKS = [
    ("vision", "report", "Alianza por la Sostenibilidad", 2017, "", "Visión para la vinculación con el sector privado",
     None, "México", "AMEXCID", "https://www.gob.mx/cms/uploads/attachment/file/273197/Visi_n_de_la_AxS.pdf", None),
    ("marco", "report", "AMEXCID", 2015, "", "Marco de colaboración con el Sector Privado para la Cooperación "
     "Internacional para el Desarrollo", None, "México", "documento interno AMEXCID", "", None),
    ("brief", "report", "AMEXCID", 2016, "", "Alianza por la Sostenibilidad. Policy Brief", None, "México", "AMEXCID",
     "", None),
    ("onepager", "report", "AMEXCID", 2017, "a", "One pager de la Alianza por la Sostenibilidad", None, "México",
     "AMEXCID", "", None),
    ("giz", "report", "GIZ", 2015, "a", "Construcción de una estrategia de colaboración de AMEXCID con el sector "
     "privado", None, "México", "GIZ", "", None),
    ("lcid", "law", "", 2011, "", "Ley de Cooperación Internacional para el Desarrollo", D(2011, 4, 6), "México",
     "Diario Oficial de la Federación", "http://www.diputados.gob.mx/LeyesBiblio/pdf/LCID_171215.pdf",
     D(2018, 3, 24)),
    ("rio", "report", "Naciones Unidas", 1992, "", "Declaración de Río sobre el Medio Ambiente y el Desarrollo", None,
     "Río de Janeiro", "Naciones Unidas", "", None),
    ("procid", "law", "", 2014, "", "Programa de Cooperación Internacional para el Desarrollo 2014-2018",
     D(2014, 4, 30), "México", "Diario Oficial de la Federación",
     "http://www.dof.gob.mx/nota_detalle.php?codigo=5342827&fecha=30/04/2014", D(2018, 3, 24)),
    ("seed", "report", "AMEXCID; GIZ", 2018, "", "La Alianza por la Sostenibilidad: un prototipo de la AMEXCID para "
     "la vinculación con el sector privado. Sistematización de la Alianza por la Sostenibilidad 2016-2018", None,
     "México", "AMEXCID", "", None),
    ("release_2", "press_release", "AMEXCID", 2016, "b", "Se lleva a cabo la segunda reunión de la Alianza por la "
     "Sostenibilidad", D(2016, 7, 6), "México", "AMEXCID", "https://www.gob.mx/amexcid/prensa/se-lleva-a-cabo-la-"
     "segunda-reunion-de-la-alianza-por-la-sostenibilidad?idiom=es", D(2018, 3, 8)),
    ("release_3", "press_release", "AMEXCID", 2016, "c", "Se celebra la tercera reunión de la Alianza por la "
     "Sostenibilidad", D(2016, 8, 23), "México", "AMEXCID", "https://www.gob.mx/amexcid/prensa/se-celebra-la-"
     "tercera-reunion-de-la-alianza-por-la-sostenibilidad?idiom=es", D(2018, 3, 8)),
    ("release_committees", "press_release", "AMEXCID", 2016, "d", "Se realizó la instalación de los comités de "
     "trabajo de la Alianza por la Sostenibilidad", D(2016, 11, 16), "México", "AMEXCID", "https://www.gob.mx/"
     "amexcid/prensa/instalacion-de-los-comites-de-trabajo-de-la-alianza-por-la-sostenibilidad?idiom=es",
     D(2018, 3, 8)),
    ("conference", "event", "Secretaría de Relaciones Exteriores", 2018, "", "Perspectivas del sector privado sobre "
     "el desarrollo sostenible en México hacia 2030", D(2018, 2, 21), "Ciudad de México",
     "Salón José María Morelos y Pavón", "", None),
    ("aecid", "report", "Agencia Española de Cooperación Internacional para el Desarrollo", 2016, "",
     "Compromiso de la AECID con el acceso a la energía en un contexto de lucha contra el cambio climático", None,
     "España", "AECID", "", None),
    ("apci", "report", "Agencia Peruana de Cooperación Internacional (APCI)", 2017, "",
     "Las alianzas multiactor de cooperación internacional para el desarrollo sostenible", None, "Lima", "APCI", "",
     None),
    ("informe", "report", "AMEXCID", 2016, "a", "Informe de Avance de México en la implementación de los principios "
     "de la eficacia al desarrollo: análisis de un país cooperante dual", None, "México", "AMEXCID", "", None),
    ("bsdc", "report", "Business and Sustainable Development Commission", 2017, "", "Better business, better world",
     None, "Londres", "Business and Sustainable Development Commission", "", None),
    ("castellano", "report", "Castellano Cereceda, R.", 2017, "", "Los Objetivos de Desarrollo Sostenible en México "
     "y América Latina: retos comunes para una agenda compartida. Aprendiendo del pasado, preparándonos para el "
     "futuro", None, "México", "Instituto Belisario Domínguez, Senado de la República", "", None),
    ("giz_triangular", "report", "GIZ", 2015, "", "Cooperación Triangular México-Alemania. Socios para el desarrollo "
     "sustentable en América Latina y el Caribe", None, "México", "GIZ", "", None),
    ("netessine", "article", "Netessine, S.; Popescu, I.", 2014, "", "A learn startup approach to international "
     "development", None, "", "Harvard Bussiness Review", "", None),
    # Cited in the seed's notes, not in its bibliography: the interviews, the focus group and the documents the
    # written parts' footnotes name (reports/demo_texts).
    ("studer", "interview", "Studer, I.", 2018, "", "Entrevista con la Dra. Isabel Studer, ex Directora General de "
     "Cooperación y Relaciones Económicas Bilaterales de la AMEXCID", D(2018, 2, 13), "", "", "", None),
    ("morales", "interview", "Morales, M.", 2018, "", "Entrevista con el Mtro. Mario Morales, Director General "
     "Adjunto de Cooperación Económica y Organismos Internacionales de la AMEXCID y Líder del Proyecto “Alianza por "
     "la Sostenibilidad” 2017-2018", D(2018, 1, 8), "", "", "", None),
    ("gonzalez", "interview", "González Segura, N.", 2018, "", "Entrevista con el Mtro. Noel González Segura, "
     "Director General de Planeación y Formulación de la Política de Cooperación de la AMEXCID", D(2018, 1, 28), "",
     "", "", None),
    ("focus_group", "event", "", 2018, "", "Focus group de “recuperación anecdótica” con las empresas participantes "
     "en la Alianza por la Sostenibilidad", D(2018, 2, 13), "", "", "", None),
    ("papel", "report", "AMEXCID", 2017, "b", "El papel de la AMEXCID en la implementación y cumplimiento de la "
     "Agenda 2030 y los ODS", None, "México", "AMEXCID", "http://conectate.conapred.org.mx/cursoaltaformacion/"
     "descargas/panel5s/Panel2_Cristian%20Becerra.pdf", D(2018, 4, 15)),
    ("oea", "other", "AMEXCID", None, "", "Formato de postulación al Premio Interamericano a la Innovación para la "
     "Gestión Pública Efectiva, Edición 2015, de la Organización de Estados Americanos (OEA)", None, "", "", "", None),
    ("diputados", "web_page", "Cámara de Diputados", 2014, "", "Gaceta Parlamentaria, Inf_SRE-20150903", None, "",
     "Cámara de Diputados", "http://gaceta.diputados.gob.mx/Gaceta/63/2015/sep/InfGob/Inf_SRE-20150903.pdf",
     D(2018, 3, 26)),
    ("giz_project", "web_page", "GIZ", None, "", "Fortalecimiento institucional de la Agencia Mexicana de Cooperación "
     "Internacional para el Desarrollo (AMEXCID)", None, "", "GIZ", "https://www.giz.de/en/worldwide/32922.html",
     D(2018, 3, 8)),
    ("manual", "report", "AMEXCID", 2018, "", "Manual para la alineación de proyectos de la AxS a los ODS", None,
     "México", "AMEXCID", "", None),
    ("smith", "web_page", "Smith, A.", 2018, "", "Bifurcando los ODS: cómo los prototipos podrían transformar los "
     "nuevos objetivos globales", D(2018, 3, 4), "", "Steps Centre, Pathways to sustainability",
     "https://steps-centre.org/blog/forking-sdgs-prototypes-transform-new-global-goals/", D(2018, 3, 13)),
    # The sources of the seed's Figure 1 (the Mexican cooperation system, 2011-2016).
    ("sistema", "web_page", "AMEXCID", 2016, "e", "Sistema Mexicano de Cooperación Internacional", D(2016, 4, 21),
     "México", "AMEXCID", "https://www.gob.mx/amexcid/acciones-y-programas/sistema-mexicano-de-cooperacion-"
     "internacional-para-el-desarrollo-29328", None),
    ("sre_2012", "report", "Secretaría de Relaciones Exteriores", 2012, "", "Informe anual de cooperación técnica y "
     "científica 2012", None, "México", "", "", None),
    ("rencid", "web_page", "AMEXCID", 2014, "", "La AMEXCID lanza la plataforma tecnológica del RENCID",
     D(2014, 8, 27), "México", "AMEXCID", "https://www.gob.mx/amexcid/galerias/la-amexcid-lanza-la-plataforma-"
     "tecnologica-del-registro-nacional-de-cooperacion-internacional-para-el-desarrollo-rencid", None),
    ("sre_informe", "report", "Secretaría de Relaciones Exteriores", 2016, "", "Cuarto Informe de Gobierno, México con "
     "Responsabilidad Global 2015 - 2016", None, "México", "", "", None),
]  # fmt: skip

# The seed's list of acronyms (“Acrónimos”), with each expansion in English.
ACRONYMS = [
    ("AMEXCID", "Agencia Mexicana de Cooperación Internacional para el Desarrollo",
     "Mexican Agency for International Development Cooperation"),
    ("ANTAD", "Asociación Nacional de Tiendas de Autoservicio y Departamentales",
     "National Association of Supermarkets and Department Stores"),
    ("APF", "Administración Pública Federal", "Federal Public Administration"),
    ("AxS", "Alianza por la Sostenibilidad", "Alliance for Sustainability"),
    ("BMZ", "Ministerio Federal de Cooperación Económica y Desarrollo de Alemania",
     "Federal Ministry for Economic Cooperation and Development of Germany"),
    ("CTE", "Consejo Técnico Empresarial", "Business Technical Council"),
    ("CID", "Cooperación Internacional para el Desarrollo", "International development cooperation"),
    ("DG", "Dirección General", "General Directorate"),
    ("DGCREB", "Dirección General de Cooperación y Relaciones Económicas Bilaterales",
     "General Directorate for Bilateral Economic Cooperation and Relations"),
    ("FONCID", "Fondo de Cooperación Internacional para el Desarrollo", "International Development Cooperation Fund"),
    ("GIZ", "Cooperación Alemana al Desarrollo", "German Development Cooperation"),
    ("LCID", "Ley de Cooperación Internacional para el Desarrollo", "International Development Cooperation Act"),
    ("ODS", "Objetivos de Desarrollo Sostenible", "Sustainable Development Goals"),
    ("PND", "Plan Nacional de Desarrollo 2013-2018", "National Development Plan 2013-2018"),
    ("PROCID", "Programa de Cooperación Internacional para el Desarrollo",
     "International Development Cooperation Programme"),
    ("PyMES", "Pequeñas y Medianas Empresas", "Small and medium-sized enterprises"),
    ("RENCID", "Registro Nacional de Cooperación Internacional para el Desarrollo",
     "National Registry of International Development Cooperation"),
    ("SRE", "Secretaría de Relaciones Exteriores", "Ministry of Foreign Affairs"),
]  # fmt: skip

# The seed's note 34: where to download the alliance's vision document.
VISION = "https://www.gob.mx/cms/uploads/attachment/file/273197/Visi_n_de_la_AxS.pdf"
OBJECTIVES = [
    ("Compartir y difundir información sobre experiencias exitosas en la integración de los ODS en los modelos de "
     "negocio.",
     "Share and disseminate information on successful experiences of integrating the SDGs into business models.",
     "Se cumple mediante el diálogo sostenido entre la AMEXCID y las empresas durante las sesiones de instalación y "
     "estructuración de proyectos en cada comité de la AxS.\n\nIgualmente, este objetivo se alcanza con la "
     "realización de la sesión transversal entre los comités, la publicación de comunicados oficiales a través del "
     "sitio web oficial gov.mx, envío de minutas y diversos archivos de uso interno para los comités, así como con "
     "este ejercicio de sistematización, al que se recomienda dar apropiada socialización interna y difusión externa.",
     "It is fulfilled through the sustained dialogue between AMEXCID and the companies during the installation and "
     "project-structuring sessions of each AxS committee.\n\nThis objective is also reached through the "
     "cross-committee session, the official press releases published on the official website gov.mx, the minutes "
     "and various internal files sent to the committees, and this systematization exercise, which should be given "
     "appropriate internal socialization and external dissemination."),
    ("Identificar prioridades y actividades estratégicas entre actores públicos y privados en pro del desarrollo "
     "sostenible.",
     "Identify priorities and strategic activities between public and private actors for sustainable development.",
     "Identificar prioridades coincidentes entre actores ha significado un reto constante para la AxS. En un inicio, "
     "se realizaron cuatro sesiones plenarias y una encuesta que derivó en la instalación de cinco comités de trabajo "
     "alineados a los ODS. Posteriormente, se trabajó en la definición de actividades estratégicas entre los dos "
     "actores que permitieran la estructuración de proyectos, esto implicó un trabajo particular de identificación y "
     "comunicación constante de parte de la AMEXCID, sobre las oportunidades de colaboración y potencial de impacto "
     "para las empresas participantes. Como resultado, se logró mantener y renovar el interés de la mayoría de ellas "
     "para garantizar su participación continua y mantener la relación establecida.",
     "Identifying priorities shared between actors has been a constant challenge for the AxS. At first, four plenary "
     "sessions and a survey were held, which led to the installation of five working committees aligned with the "
     "SDGs. Later, the two sides worked on defining strategic activities that would allow projects to be structured; "
     "this meant particular work by AMEXCID to identify, and communicate constantly, the opportunities for "
     "collaboration and the potential impact for the participating companies. As a result, the interest of most of "
     "them was kept and renewed, ensuring their continued participation and keeping the relationship established."),
    ("Diseñar e implementar proyectos de desarrollo sostenible en México, Centroamérica y el Caribe.",
     "Design and implement sustainable development projects in Mexico, Central America and the Caribbean.",
     "Para marzo de 2018, los proyectos se centraban en intervenciones nacionales, por cuestiones logísticas y de "
     "movilización de recursos propias de una alianza multiactor. Sin embargo, mediante conversaciones con el equipo "
     "responsable de la AxS dentro de la AMEXCID, queda claro que, para una segunda etapa, los proyectos pueden "
     "escalar o replicar las experiencias exitosas en zonas geográficas prioritarias para la cooperación mexicana.",
     "By March 2018 the projects focused on national interventions, for reasons of logistics and of mobilizing "
     "resources proper to a multi-stakeholder alliance. However, conversations with the team in charge of the AxS "
     "within AMEXCID make it clear that, in a second stage, the projects can scale up or replicate the successful "
     "experiences in geographical areas that are priorities for Mexican cooperation."),
    ("Desarrollar capacidades del sector privado para la integración de los ODS en sus modelos de negocio.",
     "Develop the private sector's capacities to integrate the SDGs into its business models.",
     "Desde las primeras sesiones plenarias hasta el acompañamiento en la estructuración de indicadores de impacto "
     "sobre metas de desarrollo sostenible, los participantes del sector privado han desarrollado un entendimiento y "
     "capacidades que les ayudarían a integrar los ODS a los modelos de negocio de sus organizaciones. Hacia este "
     "objetivo también se ha avanzado mediante el intercambio y diálogo entre las empresas y las OSC.",
     "From the first plenary sessions to the support in structuring impact indicators on sustainable development "
     "targets, the private-sector participants have developed an understanding and capacities that would help them "
     "integrate the SDGs into their organizations' business models. Progress towards this objective has also been "
     "made through exchange and dialogue between the companies and civil-society organizations."),
    ("Crear alianzas estratégicas para el desarrollo con organizaciones de la sociedad civil, gobiernos locales y "
     "estatales.",
     "Create strategic partnerships for development with civil-society organizations and local and state "
     "governments.",
     "Estas alianzas se han dado de manera orgánica por invitación de las empresas en el caso de la sociedad civil y, "
     "por acciones de vinculación de la AMEXCID en el caso de gobiernos locales y estatales, para la consulta y "
     "correcta implementación de los proyectos.",
     "These partnerships have arisen organically, at the companies' invitation in the case of civil society and "
     "through AMEXCID's outreach in the case of local and state governments, for the consultation and proper "
     "implementation of the projects."),
    ("Construir herramientas para el seguimiento de los avances de la Agenda 2030 para el Desarrollo Sostenible.",
     "Build tools to follow the progress of the 2030 Agenda for Sustainable Development.",
     "Durante los trabajos de la AxS se han adaptado herramientas y prácticas que fortalecen su quehacer, hacia el "
     "cumplimiento de la Agenda 2030 para el Desarrollo Sostenible, por ejemplo: un nuevo esquema de colaboración "
     "horizontal con el sector privado por la AMEXCID; el documento de visión para la vinculación con el sector "
     "privado de la AMEXCID[^vision] y due diligence; técnicas y metodologías de facilitación, moderación y "
     "construcción de "
     "acuerdos, con el acompañamiento de la GIZ; y un paquete de herramientas para dar seguimiento a los proyectos y "
     "fortalecimiento de la AxS elaborado por Cirklo (matriz de evaluación de proyectos, matriz de resultados para la "
     "estructuración de proyectos y documento de sistematización de la AxS).\n\n"
     f"[^vision]: Para mayor información, descargar el documento en: <{VISION}>",
     "During the work of the AxS, tools and practices that strengthen its work towards the 2030 Agenda for "
     "Sustainable Development have been adapted, for example: a new scheme of horizontal collaboration with the "
     "private sector by AMEXCID; AMEXCID's vision document for working with the private sector,[^vision] and due "
     "diligence; "
     "facilitation, moderation and consensus-building techniques and methods, with the support of GIZ; and a toolkit "
     "to follow up the projects and strengthen the AxS prepared by Cirklo (a project evaluation matrix, a results "
     "matrix for structuring projects and the AxS systematization document).\n\n"
     f"[^vision]: For more information, download the document at: <{VISION}>"),
]  # fmt: skip

# The seed's “Aciertos”, each title with its whole text (paragraphs separated by a blank line).
FOCUS_GROUP = "(Focus group de “recuperación anecdótica” con las empresas participantes, 13 de febrero de 2018.)"
FOCUS_GROUP_EN = "(“Anecdotal recovery” focus group with the participating companies, February 13, 2018.)"
SUCCESSES = [
    ("Se estableció la Agenda 2030 para el Desarrollo Sostenible como marco de acción",
     "The 2030 Agenda for Sustainable Development was set as the framework for action",
     "La Agenda 2030 para el Desarrollo Sostenible se tomó como base y permitió establecer un lenguaje común entre el "
     "gobierno y las empresas. También hizo posible la búsqueda de un equilibrio entre las dimensiones económicas, "
     "sociales y ambientales en cada proyecto. Asimismo, el uso de los indicadores existentes para cada uno de los ODS "
     "facilitó la construcción de una misma narrativa en torno a los distintos proyectos de la AxS y su contribución "
     "al desarrollo sostenible.",
     "The 2030 Agenda for Sustainable Development was taken as the basis and made it possible to set a common "
     "language between the government and the companies. It also made it possible to seek a balance between the "
     "economic, social and environmental dimensions of each project. The use of the existing indicators of each SDG "
     "made it easier to build one shared narrative around the various AxS projects and their contribution to "
     "sustainable development."),
    ("Se construyeron relaciones sólidas con las empresas", "Solid relationships were built with the companies",
     "De acuerdo con las empresas participantes en la AxS, la AMEXCID logró generar confianza y construir un vínculo "
     "que se ha mantenido en el tiempo, debido a tres factores:[^focus]\n\n"
     "1. Colaboración horizontal. Se abrió un espacio de diálogo y co-creación en el que los participantes se "
     "reconocieron como actores relevantes para el desarrollo, más allá de los recursos financieros que podían "
     "ofrecer; además, se resaltó la posibilidad de contribuir con aportaciones técnicas, tecnológicas, humanas o en "
     "especie, para apoyar la implementación de nuevos proyectos.\n\n"
     "2. Establecimiento de prioridades con equilibrio de intereses. La identificación de los contenidos temáticos de "
     "la AxS incluyendo comités y proyectos, se realizó mediante procesos de construcción colectiva, buscando el "
     "equilibrio entre los intereses públicos y privados. Esto generó un fuerte sentimiento de apropiación, que en el "
     "futuro puede apoyar la continuidad de la Alianza.\n\n"
     "3. Alineación con el modelo de negocios. A través de un proceso participativo se logró que varios de los "
     "intereses de negocio de las empresas estén reflejados en los proyectos.\n\n"
     "[^focus]: Estos hallazgos son el resultado alcanzado durante un ejercicio de reflexión con las empresas "
     "participantes al focus group de “recuperación anecdótica” llevado a cabo el 13 de febrero del 2018.",
     "According to the companies taking part in the AxS, AMEXCID managed to build trust and a bond that has lasted "
     "over time, owing to three factors:[^focus]\n\n"
     "1. Horizontal collaboration. A space for dialogue and co-creation was opened in which the participants "
     "recognized one another as relevant actors for development, beyond the financial resources they could offer; "
     "the possibility of contributing technical, technological, human or in-kind resources to support the "
     "implementation of new projects was also highlighted.\n\n"
     "2. Priorities set with a balance of interests. The themes of the AxS, committees and projects included, were "
     "identified through processes of collective construction, seeking a balance between public and private "
     "interests. This created a strong sense of ownership, which may support the Alliance's continuity in the "
     "future.\n\n"
     "3. Alignment with the business model. Through a participatory process, several of the companies' business "
     "interests came to be reflected in the projects.\n\n"
     "[^focus]: These findings are the outcome of a reflection exercise with the participating companies at the "
     "“anecdotal recovery” focus group held on February 13, 2018."),
    ("Se seleccionaron y estructuraron proyectos concretos", "Concrete projects were selected and structured",
     "Uno de los más grandes aciertos de esta plataforma fue transitar del diálogo a la promoción de acciones "
     "concretas a través de la selección y estructuración de proyectos en colaboración con el sector privado, que "
     "tomaron como base el Formato de Presentación de Proyectos de Cooperación de la AMEXCID, lo que permitió obtener "
     "resultados tangibles para esta colaboración en el mediano plazo.",
     "One of the greatest successes of this platform was moving from dialogue to promoting concrete actions, through "
     "the selection and structuring of projects in collaboration with the private sector on the basis of AMEXCID's "
     "Format for Presenting Cooperation Projects, which made it possible to obtain tangible results from this "
     "collaboration in the medium term."),
    ("Se amplió la dimensión de empresa sostenible", "The notion of a sustainable company was broadened",
     "La incorporación de las empresas a la construcción de proyectos con una perspectiva sostenible permitió un "
     "avance en la narrativa de responsabilidad social hacia una sostenibilidad transversal en las empresas. Por "
     "ejemplo, se integraron criterios de sostenibilidad e indicadores puntuales de los ODS, y en algunos casos con "
     "indicadores de desempeño ligados al negocio.",
     "Bringing the companies into building projects with a sustainable perspective moved the narrative of social "
     "responsibility towards sustainability across the companies. For example, sustainability criteria and specific "
     "SDG indicators were brought in, in some cases with performance indicators linked to the business."),
    ("Se mantuvo el interés del sector privado por la AxS", "The private sector's interest in the AxS was kept",
     "El liderazgo de la AMEXCID en la coordinación de las actividades de la Alianza fue el factor más importante para "
     "lograr el interés y participación continua de las empresas en los comités. Destaca la estrecha y constante "
     "comunicación que la AMEXCID ha mantenido con los representantes de las empresas antes, durante y después de las "
     "sesiones de trabajo, así como la conducción del proceso de diseño de los proyectos.",
     "AMEXCID's leadership in coordinating the Alliance's activities was the most important factor in keeping the "
     "companies interested and taking part in the committees. The close and constant communication AMEXCID has kept "
     "with the companies' representatives before, during and after the working sessions stands out, as does its "
     "leading of the projects' design process."),
    ("Se documentó y se sistematizó el proceso", "The process was documented and systematized",
     "Desde los inicios, la AMEXCID documentó los avances de las reuniones a través de minutas, boletines y piezas "
     "informativas que se compartieron permanentemente con los participantes, este expediente documental se retomó y "
     "analizó durante el proceso de sistematización. La AxS introdujo, creó y formalizó nuevos mecanismos y procesos "
     "de vinculación con el sector privado, los cuales pueden contribuir a la consolidación institucional de la "
     "AMEXCID. En ese sentido, es muy importante contar con esta publicación que además de estructurar los hechos "
     "acontecidos, apunta a comprender sus aprendizajes. La sistematización, como documento reflexivo y crítico, puede "
     "ser utilizado en la transferencia de conocimiento y en la replica de mejores prácticas de vinculación con el "
     "sector privado.",
     "From the start, AMEXCID documented the progress of the meetings in minutes, newsletters and information pieces "
     "that were shared with the participants throughout; this documentary record was taken up and analysed during "
     "the systematization. The AxS introduced, created and formalized new mechanisms and processes for working with "
     "the private sector, which can contribute to AMEXCID's institutional consolidation. In that sense it is very "
     "important to have this publication, which, besides setting out what happened, seeks to understand its lessons. "
     "The systematization, as a reflective and critical document, can be used in transferring knowledge and in "
     "replicating best practices for working with the private sector."),
    ("Se colaboró estrechamente con el Proyecto de Fortalecimiento Institucional de la AMEXCID, implementado con GIZ",
     "There was close collaboration with AMEXCID's Institutional Strengthening Project, implemented with GIZ",
     "La GIZ ha acompañado el proceso de consolidación institucional de la AMEXCID desde el 2013. Entre los temas más "
     "relevantes de la cooperación ha estado la vinculación con el sector privado, con el objetivo de estrechar y "
     "profundizar el diálogo, así como la implementación de proyectos de desarrollo en áreas prioritarias para "
     "México.\n\n"
     "En esta fase de la AxS, el aporte técnico de la GIZ permitió acelerar el proceso de estructuración de los "
     "proyectos a través de una intervención en los comités que facilitó la toma de decisión, optimizó la "
     "organización y guió el diseño de los proyectos. En cuanto a los proyectos, se incluyeron elementos innovadores "
     "en el diseño, por ejemplo, indicadores alineados a los ODS y la definición de criterios de sostenibilidad.\n\n"
     "La GIZ también puso a disposición de la AxS el cúmulo de aprendizajes y experiencias derivadas de áreas de la "
     "cooperación bilateral como energía, cambio climático, vivienda sustentable y la propia colaboración con el "
     "sector privado, que en momentos clave contribuyeron a las discusiones sobre los enfoques y alcance de los "
     "proyectos.",
     "GIZ has supported AMEXCID's institutional consolidation since 2013. Among the most relevant subjects of the "
     "cooperation has been working with the private sector, with the aim of deepening the dialogue and implementing "
     "development projects in areas that are priorities for Mexico.\n\n"
     "In this phase of the AxS, GIZ's technical contribution sped up the structuring of the projects through an "
     "intervention in the committees that made decisions easier to take, improved the organization and guided the "
     "design of the projects. The projects' design included innovative elements, for example indicators aligned with "
     "the SDGs and the definition of sustainability criteria.\n\n"
     "GIZ also made available to the AxS the lessons and experience of areas of bilateral cooperation such as energy, "
     "climate change, sustainable housing and collaboration with the private sector itself, which at key moments "
     "contributed to the discussions on the projects' approaches and scope."),
]  # fmt: skip
