"""German wording of the patient handout: English phrase (as written in handout.py, text.py
and facts.py) -> German. Templates keep their `{name}` fields.

Same rules as the English: plain words, every abbreviation explained where it first appears,
no response codes, "Sie" throughout. Reviewed wording belongs here, not in the layout code.
"""

from __future__ import annotations

from gistdesk.core.vocab import Drug, Intent, Mutation, ProcedureKind, Site, StopReason
from gistdesk.reports import drugs as d
from gistdesk.reports import sentences as s
from gistdesk.reports import text as t

MONTHS = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)
MONTH_ABBR = ("Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez")

DE: dict[str, str] = {
    # ---- page, headings ----
    "Your GIST care summary": "Ihre GIST-Behandlung im Überblick",
    "Your care summary": "Ihre Behandlung im Überblick",
    "Patient handout": "Informationsblatt für Patientinnen und Patienten",
    "Prepared for <b>{name}</b> on {day}.": "Erstellt für <b>{name}</b> am {day}.",
    "Born {day}": "Geboren {day}",
    "Record {number}": "Akte {number}",
    "Printed {day}": "Stand: {day}",
    "Page {page} of {total}": "Seite {page} von {total}",
    "What is GIST?": "Was ist ein GIST?",
    "Your tumor and what the tests found": "Ihr Tumor und was die Untersuchungen ergeben haben",
    "Your treatments so far": "Ihre bisherigen Behandlungen",
    "What your latest scan showed": "Was Ihre letzte Bildgebung gezeigt hat",
    "What happens next": "Wie es weitergeht",
    "Questions you may want to ask": "Fragen, die Sie stellen können",
    "Contacts": "Kontakte",
    "Notes": "Notizen",
    "<b>Your care team</b>": "<b>Ihr Team</b>",
    "<b>Phone</b>": "<b>Telefon</b>",
    "<b>Your nurse</b>": "<b>Ihre Pflegekraft</b>",
    t.DISCLAIMER: (
        "Dieses Blatt unterstützt die Beratung durch Ihr Behandlungsteam und ersetzt sie "
        "nicht. Wenn Ihnen hier etwas anders vorkommt, als man Ihnen gesagt hat, fragen Sie "
        "bitte nach."
    ),
    t.GIST_INTRO: (
        "GIST (gastrointestinaler Stromatumor) ist ein seltener Tumor, der in der Wand des "
        "Verdauungstrakts wächst, meist im Magen oder im Dünndarm. Er wird operiert, mit "
        "Medikamenten in Tablettenform behandelt, die die Wachstumssignale des Tumors "
        "blockieren, oder mit beidem."
    ),
    # ---- your tumor ----
    "Your tumor started in {site}.": "Ihr Tumor ist {site} entstanden.",
    "It was found in {month}.": "Er wurde im {month} entdeckt.",
    "When it was first measured, it was about {size} centimeters across.": "Bei der ersten Messung war er etwa {size} Zentimeter groß.",
    "It had not spread to other parts of the body.": "Er hatte sich nicht in andere Teile des Körpers ausgebreitet.",
    "It had grown into the tissue around it.": "Er war in das umliegende Gewebe hineingewachsen.",
    "It has spread to other parts of the body ({where}).": "Er hat sich in andere Teile des Körpers ausgebreitet ({where}).",
    "It has spread to other parts of the body.": "Er hat sich in andere Teile des Körpers ausgebreitet.",
    "It came back after earlier treatment.": "Er ist nach einer früheren Behandlung wiedergekommen.",
    "A gene test of the tumor is not recorded here. Ask your team whether it has been done: "
    "the result can help choose your medicine.": "Ein Gentest des Tumors ist hier nicht eingetragen. Fragen Sie Ihr Team, ob er gemacht "
    "wurde: Das Ergebnis kann bei der Wahl Ihres Medikaments helfen.",
    "Tests on the tumor found {finding}. Knowing this helps your team choose the medicine "
    "most likely to work for you.": "Die Untersuchung des Tumors hat Folgendes gefunden: {finding}. Das hilft Ihrem Team, "
    "das Medikament zu wählen, das bei Ihnen am ehesten wirkt.",
    "After your operation, your team estimated the chance of the tumor coming back as "
    "<b>{risk}</b>. This guides how long medicine is advised after surgery and how often you "
    "have scans.": "Nach Ihrer Operation hat Ihr Team die Wahrscheinlichkeit, dass der Tumor wiederkommt, "
    "als <b>{risk}</b> eingeschätzt. Danach richtet sich, wie lange nach der Operation ein "
    "Medikament empfohlen wird und wie oft Sie untersucht werden.",
    "very low": "sehr gering",
    "low": "gering",
    "moderate": "mittel",
    "high": "hoch",
    # ---- sites, findings ----
    t.SITE_PLAIN[Site.STOMACH]: "im Magen",
    t.SITE_PLAIN[Site.DUODENUM]: "im ersten Teil des Dünndarms (dem Zwölffingerdarm)",
    t.SITE_PLAIN[Site.JEJUNUM_ILEUM]: "im Dünndarm",
    t.SITE_PLAIN[Site.COLON]: "im Dickdarm",
    t.SITE_PLAIN[Site.RECTUM]: "im letzten Teil des Dickdarms (dem Mastdarm)",
    t.SITE_PLAIN[Site.ESOPHAGUS]: "in der Speiseröhre",
    t.SITE_PLAIN[Site.EXTRA_GI]: "im Bauchraum, außerhalb der Darmwand",
    t.MUTATION_PLAIN[
        Mutation.KIT_EXON_11
    ]: "eine Veränderung in einem Gen namens KIT (im Abschnitt Exon 11)",
    t.MUTATION_PLAIN[
        Mutation.KIT_EXON_9
    ]: "eine Veränderung in einem Gen namens KIT (im Abschnitt Exon 9)",
    t.MUTATION_PLAIN[
        Mutation.KIT_EXON_13
    ]: "eine Veränderung in einem Gen namens KIT (im Abschnitt Exon 13)",
    t.MUTATION_PLAIN[
        Mutation.KIT_EXON_17
    ]: "eine Veränderung in einem Gen namens KIT (im Abschnitt Exon 17)",
    t.MUTATION_PLAIN[Mutation.KIT_OTHER]: "eine Veränderung in einem Gen namens KIT",
    t.MUTATION_PLAIN[
        Mutation.PDGFRA_D842V
    ]: "eine Veränderung in einem Gen namens PDGFRA (die Veränderung D842V)",
    t.MUTATION_PLAIN[
        Mutation.PDGFRA_EXON_18_OTHER
    ]: "eine Veränderung in einem Gen namens PDGFRA (im Abschnitt Exon 18)",
    t.MUTATION_PLAIN[Mutation.PDGFRA_OTHER]: "eine Veränderung in einem Gen namens PDGFRA",
    t.MUTATION_PLAIN[
        Mutation.SDH_DEFICIENT
    ]: "dem Tumor fehlt ein Eiweiß namens SDH (man spricht von einem SDH-defizienten GIST)",
    t.MUTATION_PLAIN[
        Mutation.NF1
    ]: "der Tumor hängt mit einer Erkrankung namens Neurofibromatose Typ 1 zusammen",
    t.MUTATION_PLAIN[
        Mutation.WILD_TYPE
    ]: "keine Veränderung in den Genen, die bei GIST am häufigsten verändert sind (man "
    "spricht manchmal von einem Wildtyp-GIST)",
    # ---- treatments ----
    t.DRUG_PLAIN[Drug.TRIAL]: "ein Medikament in einer klinischen Studie (einer Forschungsstudie)",
    t.DRUG_PLAIN[Drug.OTHER]: "ein anderes Medikament",
    t.TIMELINE_DRUG[Drug.TRIAL]: "Studienmedikament",
    t.TIMELINE_DRUG[Drug.OTHER]: "anderes Medikament",
    t.INTENT_PLAIN[Intent.NEOADJUVANT]: "um den Tumor vor der Operation zu verkleinern",
    t.INTENT_PLAIN[
        Intent.ADJUVANT
    ]: "um das Risiko zu senken, dass der Tumor nach der Operation wiederkommt",
    t.INTENT_PLAIN[Intent.ADVANCED]: "um den Tumor in Schach zu halten",
    t.STOP_PLAIN[StopReason.PROGRESSION]: "beendet, weil der Tumor gewachsen ist",
    t.STOP_PLAIN[StopReason.INTOLERANCE]: "beendet wegen Nebenwirkungen",
    t.STOP_PLAIN[StopReason.COMPLETED]: "die geplante Behandlungsdauer wurde abgeschlossen",
    t.STOP_PLAIN[StopReason.SURGERY]: "beendet für eine Operation",
    t.STOP_PLAIN[StopReason.PATIENT_CHOICE]: "auf Ihren Wunsch beendet",
    t.STOP_PLAIN[StopReason.OTHER]: "beendet",
    "stopped": "beendet",
    "{mg} milligrams a day": "{mg} Milligramm am Tag",
    "since {day}, still taking": "seit {day}, wird weiter eingenommen",
    " ({dose} now)": " (jetzt {dose})",
    "from {start} to {end} ({stop})": "vom {start} bis {end} ({stop})",
    "<b>{name}</b> {intent}: {when}.": "<b>{name}</b> {intent}: {when}.",
    "No treatments are recorded yet.": "Es sind noch keine Behandlungen eingetragen.",
    "Operations": "Operationen",
    "Other treatments": "Andere Behandlungen",
    "Scans": "Bildgebung",
    "<b>{what}</b> on {day}.": "<b>{what}</b> am {day}.",
    "each bar is a medicine (an arrow means you are still taking it)": "jeder Balken ist ein Medikament (ein Pfeil bedeutet, dass Sie es noch einnehmen)",
    "diamonds are operations": "Rauten sind Operationen",
    "diamonds are operations and other treatments": "Rauten sind Operationen und andere Behandlungen",
    "dots are scans": "Punkte sind Untersuchungen mit Bildgebung",
    "In the picture: {parts}.": "Im Bild: {parts}.",
    t.PROCEDURE_PLAIN[ProcedureKind.SURGERY]: "Operation",
    t.PROCEDURE_PLAIN[
        ProcedureKind.RFA
    ]: "Behandlung, die einen Tumor mit Hitze zerstört (Radiofrequenzablation)",
    t.PROCEDURE_PLAIN[
        ProcedureKind.MICROWAVE_ABLATION
    ]: "Behandlung, die einen Tumor mit Hitze zerstört (Mikrowellenablation)",
    t.PROCEDURE_PLAIN[
        ProcedureKind.ETHANOL_ABLATION
    ]: "Behandlung, die einen Tumor mit einer Alkoholinjektion zerstört",
    t.PROCEDURE_PLAIN[
        ProcedureKind.CRYOABLATION
    ]: "Behandlung, die einen Tumor durch Vereisen zerstört (Kryoablation)",
    t.PROCEDURE_PLAIN[
        ProcedureKind.TAE
    ]: "Behandlung, die die Blutversorgung des Tumors verschließt (Embolisation)",
    t.PROCEDURE_PLAIN[
        ProcedureKind.TACE
    ]: "Behandlung, die die Blutversorgung des Tumors verschließt und ein Medikament "
    "hineingibt (Chemoembolisation)",
    t.PROCEDURE_PLAIN[
        ProcedureKind.RADIOEMBOLIZATION
    ]: "Behandlung, die winzige strahlende Kügelchen in die Blutversorgung des Tumors "
    "gibt (Radioembolisation)",
    t.PROCEDURE_PLAIN[
        ProcedureKind.SBRT
    ]: "Genaue, hochdosierte Strahlentherapie (stereotaktische Bestrahlung)",
    t.PROCEDURE_PLAIN[ProcedureKind.RADIATION]: "Strahlentherapie (Behandlung mit Strahlen)",
    # ---- latest scan ----
    "No scans are recorded yet.": "Es sind noch keine Untersuchungen mit Bildgebung eingetragen.",
    "Your latest scan was a {kind} on {day}.": "Ihre letzte Bildgebung war eine {kind} am {day}.",
    t.MODALITY_PLAIN["CT"]: "CT-Untersuchung (eine genaue Röntgen-Schichtaufnahme)",
    t.MODALITY_PLAIN["MRI"]: "MRT-Untersuchung (eine Schichtaufnahme mit einem Magneten)",
    t.MODALITY_PLAIN[
        "PET-CT"
    ]: "PET-CT-Untersuchung (eine Aufnahme, die auch zeigt, wie aktiv der Tumor ist)",
    " It was compared with your scan of {day}, taken before you started {drug}.": " Sie wurde mit Ihrer Aufnahme vom {day} verglichen, die vor dem Beginn mit {drug} "
    "gemacht wurde.",
    "No tumor can be seen on the scan.": "Auf der Aufnahme ist kein Tumor zu sehen.",
    "Scan results can be hard to read on their own. Your team looks at each scan together "
    "with how you feel and your earlier scans.": "Befunde der Bildgebung sind für sich allein oft schwer zu deuten. Ihr Team betrachtet "
    "jede Aufnahme zusammen mit Ihrem Befinden und Ihren früheren Aufnahmen.",
    "Another treatment your team will explain.": "Eine andere Behandlung, die Ihr Team Ihnen erklären wird.",
    t.ALERT_PLAIN[
        "mutation_d842v_imatinib"
    ]: "Ein Medikament, das zur Genveränderung Ihres Tumors passt.",
    t.ALERT_PLAIN[
        "mutation_exon9_dose"
    ]: "Die Dosis Ihres Medikaments, wegen der Genveränderung Ihres Tumors.",
    t.ALERT_PLAIN["mutation_wild_type"]: "Wie gut Ihr Medikament zu Ihrer Art von GIST passt.",
    t.ALERT_PLAIN[
        "adjuvant_short"
    ]: "Wie lange Sie das Medikament nach der Operation einnehmen sollten.",
    # ---- questions ----
    t.QUESTIONS[0]: "Was hat meine letzte Bildgebung gezeigt, und was bedeutet das für mich?",
    t.QUESTIONS[1]: "Wirkt mein Medikament, und wie lange werde ich es einnehmen?",
    t.QUESTIONS[2]: "Welche Nebenwirkungen soll ich sofort melden, und wem?",
    t.QUESTIONS[3]: "Wann ist meine nächste Bildgebung, und wann bekomme ich die Ergebnisse?",
    t.QUESTIONS[4]: "Gibt es andere Behandlungen oder klinische Studien, die zu mir passen?",
    t.QUESTIONS[5]: "Wen kann ich zwischen den Terminen anrufen, wenn ich eine Frage habe?",
}

# Medicine names are the same in German (imatinib, sunitinib ...).
for _drug in Drug:
    DE.setdefault(_drug.value, _drug.value)

# ---- the sentence library (sentences.py) and the medicines (drugs.py) ----
DE.update(
    {
        s.CLEAN: "Auf dieser Aufnahme war kein Tumor zu sehen.",
        s.CLEAN_AFTER_SURGERY: (
            "Auf dieser Aufnahme war kein Tumor zu sehen. Genau das sollen die Aufnahmen "
            "nach einer Operation überprüfen."
        ),
        s.SHRUNK: "Die Tumoren sind kleiner geworden.",
        s.SHRUNK_ONE: "Der Tumor ist kleiner geworden.",
        s.SAME: "Die Tumoren sind etwa gleich groß geblieben.",
        s.SAME_ONE: "Der Tumor ist etwa gleich groß geblieben.",
        s.NONE_LEFT: "Auf der Aufnahme ist kein Tumor mehr zu sehen.",
        s.LESS_DENSE: (
            "Die Tumoren sind außerdem innen weniger dicht geworden. Das ist oft ein Zeichen, "
            "dass das Medikament wirkt."
        ),
        s.LESS_DENSE_ONE: (
            "Der Tumor ist außerdem innen weniger dicht geworden. Das ist oft ein Zeichen, "
            "dass das Medikament wirkt."
        ),
        s.GREW_ALL: "Die Tumoren sind gewachsen.",
        s.GREW_ONE_OF_ONE: "Der Tumor ist gewachsen.",
        s.GREW_ONE: "Einer der Tumoren ist gewachsen.",
        s.GREW_SOME: "{count} der Tumoren sind gewachsen.",
        s.GREW_SUM: (
            "Zusammengenommen sind die Tumoren gewachsen, ohne dass einer allein auffällt."
        ),
        s.NODULE: (
            "In einem der Tumoren ist ein kleiner Knoten zu sehen. Das kann bedeuten, dass "
            "der Tumor an dieser Stelle wieder aktiv geworden ist."
        ),
        s.NODULE_TREATED: (
            "In der behandelten Stelle ist ein kleiner Knoten zu sehen. Das kann bedeuten, "
            "dass der Tumor an dieser Stelle wieder aktiv geworden ist."
        ),
        s.NEW_SPOT: "Die Aufnahme zeigt eine neue Stelle, die vorher nicht zu sehen war.",
        s.NEW_SPOTS: "Die Aufnahme zeigt {count} neue Stellen, die vorher nicht zu sehen waren.",
        s.COME_BACK: (
            "Eine neue Stelle nach der Behandlung kann bedeuten, dass der Tumor wiedergekommen ist."
        ),
        s.ON_BREAK: "Diese Aufnahme wurde in Ihrer Medikamentenpause gemacht.",
        s.TREATED: (
            "Die am {day} behandelte Stelle wird nicht mit den anderen gemessen: Nach einer "
            "solchen Behandlung kann eine Stelle eine Zeit lang größer oder anders aussehen."
        ),
        s.TREATED_MANY: (
            "Die am {days} behandelten Stellen werden nicht mit den anderen gemessen: Nach "
            "einer solchen Behandlung kann eine Stelle eine Zeit lang größer oder anders "
            "aussehen."
        ),
        s.SWELLING: (
            "Der Tumor sieht größer aus, ist aber innen weniger dicht geworden. Das kommt oft "
            "vor, wenn das Medikament wirkt: Ein Tumor kann anschwellen oder sich mit "
            "Flüssigkeit füllen, bevor er kleiner wird."
        ),
        s.SWELLING_MANY: (
            "Die Tumoren sehen größer aus, sind aber innen weniger dicht geworden. Das kommt "
            "oft vor, wenn das Medikament wirkt: Ein Tumor kann anschwellen oder sich mit "
            "Flüssigkeit füllen, bevor er kleiner wird."
        ),
        s.SWELLING_SUV: (
            "Der Tumor sieht größer aus, ist aber in der PET-Aufnahme weniger aktiv. Das kann "
            "vorkommen, wenn das Medikament wirkt."
        ),
        s.NEWLY_VISIBLE: (
            "Eine neue Stelle ist zu sehen, während die bekannten Tumoren auf das Medikament "
            "ansprechen. Eine solche Stelle kann sichtbar werden, weil das Medikament auf sie "
            "wirkt: Sie verändert sich innen und ist dadurch leichter zu erkennen."
        ),
        s.NOT_MEASURED: (
            "Einige Tumoren konnten auf dieser Aufnahme nicht gemessen werden, daher war der "
            "übliche Vergleich mit der früheren Aufnahme nicht möglich. Ihr Team erklärt "
            "Ihnen, was sie zeigt."
        ),
        s.NO_REFERENCE: (
            "Es gab keine frühere Aufnahme für den üblichen Vergleich. Ihr Team erklärt "
            "Ihnen, was sie zeigt."
        ),
        s.BASELINE: (
            "Diese Aufnahme wurde vor dem Beginn mit {drug} gemacht. Spätere Aufnahmen werden "
            "mit ihr verglichen."
        ),
        s.TALK: "Ihr Team wird mit Ihnen über diese Aufnahme sprechen.",
        s.COMPARED_BASELINE: (
            " Sie wurde mit Ihrer Aufnahme vom {day} verglichen, die vor dem Beginn mit "
            "{drug} gemacht wurde."
        ),
        s.COMPARED_REFERENCE: (
            " Sie wurde mit Ihrer Aufnahme vom {day} verglichen, die Ihr Team als neuen "
            "Ausgangspunkt für Vergleiche gewählt hat."
        ),
        s.COMPARED_BREAK: (
            " Sie wurde mit Ihrer Aufnahme vom {day} verglichen, die während der Behandlung "
            "mit {drug} gemacht wurde."
        ),
        s.COMPARED_DOSE: (
            " Sie wurde mit Ihrer Aufnahme vom {day} verglichen: Seit Ihre Dosis erhöht "
            "wurde, werden die Aufnahmen mit dieser verglichen."
        ),
        s.COMPARED_EARLIER: " Sie wurde mit Ihrer Aufnahme vom {day} verglichen.",
        s.DISCUSS_SOON: "Ihr Team wird diese Aufnahme bald mit Ihnen besprechen.",
        s.CHECK_FALSE: (
            "Ihr Team prüft das, manchmal mit einer weiteren Aufnahme, und spricht mit Ihnen "
            "darüber."
        ),
        s.RE_IMAGE: (
            "Ihr Team hat sich diese Aufnahme angesehen und möchte vor einer Entscheidung "
            "eine weitere Aufnahme. Es wird sie bald mit Ihnen besprechen."
        ),
        s.CONFIRMED: (
            "Ihr Team hat diese Aufnahme am {day} besprochen und ist sich einig, was sie "
            "zeigt. Es wird mit Ihnen über die nächsten Schritte sprechen."
        ),
        s.NEW_START: (
            "Ihr Team hat diese Aufnahme am {day} besprochen. Ihre späteren Aufnahmen werden "
            "mit dieser verglichen."
        ),
        s.NOT_WORSE: (
            "Ihr Team hat diese Aufnahme am {day} besprochen und ist zu dem Urteil gekommen, "
            "dass sie keine Verschlechterung des Tumors zeigt."
        ),
        s.HARD_TO_READ: (
            "Befunde der Bildgebung sind für sich allein oft schwer zu deuten. Ihr Team "
            "betrachtet jede Aufnahme zusammen mit Ihrem Befinden und Ihren früheren "
            "Aufnahmen."
        ),
        s.NEXT_PLANNED: (
            "Ihre nächste Bildgebung ist für etwa <b>{day}</b> geplant ({every}). Das ist ein "
            "Plan: Ihr Team bestätigt den Termin."
        ),
        s.NEXT_DUE_NOW: (
            "Ihre nächste Bildgebung ist jetzt fällig ({every}). Bitte klären Sie mit Ihrem "
            "Team, ob ein Termin vereinbart ist."
        ),
        s.NO_ROUTINE: (
            "Es ist keine Routineuntersuchung geplant: Bei einem Tumor, der sehr "
            "wahrscheinlich nicht wiederkommt, sind Routineuntersuchungen oft nicht nötig. "
            "Ihr Team sagt Ihnen, wenn Sie eine brauchen."
        ),
        s.PLAN_WITH_YOU: "Ihr Team wird Ihre Untersuchungen mit Ihnen planen.",
        s.EVERY_MONTHS: "{why} wird meist etwa alle {months} Monate untersucht",
        s.EVERY_YEAR: "{why} wird meist etwa einmal im Jahr untersucht",
        s.WHY["on_treatment"]: "solange Sie dieses Medikament einnehmen,",
        s.WHY["long_term_stable"]: "nach mehreren Jahren mit diesem Medikament",
        s.WHY["adjuvant"]: "solange Sie nach der Operation ein Medikament einnehmen,",
        s.WHY["treatment_break"]: "in einer Medikamentenpause",
        s.WHY["long_break"]: "nach einer langen Medikamentenpause",
        s.WHY["after_surgery"]: "nach Ihrer Operation",
        s.DEPENDS: (
            "Wie es weitergeht, auch der Termin Ihrer nächsten Bildgebung, hängt vom Gespräch "
            "mit Ihrem Team über Ihre letzte Aufnahme ab."
        ),
        s.WAIT_RE_IMAGE: (
            "Ihr Team möchte eine weitere Aufnahme, bevor es über die nächsten Schritte "
            "entscheidet."
        ),
        s.MAY_TALK: "Ihr Team spricht mit Ihnen vielleicht über:",
        s.ALSO_TALK: "Ihr Team spricht mit Ihnen vielleicht auch über:",
        s.CARRY_ON: "Vorerst ist geplant, wie mit Ihrem Team vereinbart weiterzumachen.",
        s.OPTIONS["surgery_or_local_therapy"]: (
            "Eine Operation oder eine Behandlung, die auf eine Stelle zielt (zum Beispiel "
            "eine Stelle mit Hitze zu zerstören)."
        ),
        s.OPTIONS["palliative_radiation"]: (
            "Eine Bestrahlung des Knochens, um Schmerzen zu lindern und den Knochen zu schützen."
        ),
        s.OPTIONS["raise_dose"]: "Eine höhere Dosis des gleichen Medikaments.",
        s.OPTIONS["clinical_trial"]: (
            "Die Teilnahme an einer klinischen Studie (einer Forschungsstudie zu einer neuen "
            "Behandlung)."
        ),
        s.OPTIONS["off_label"]: (
            "Ein Medikament, das für GIST nicht üblich ist, aber helfen kann."
        ),
        s.OPTIONS["stay_on_tki"]: (
            "Beim gleichen Medikament zu bleiben, wenn es insgesamt noch hilft."
        ),
        s.OPTIONS["restart_tki"]: "Ihr Medikament wieder zu beginnen.",
        s.SWITCH_TO: "Einen Wechsel zu einem anderen Medikament: {drug}.",
        s.REINTRODUCE: "Ein Medikament, das Ihnen früher geholfen hat, wieder zu nehmen: {drug}.",
        s.START_TKI: "Mit einem Medikament zu beginnen: {drug}.",
        s.OTHER_OPTION: "Eine andere Behandlung, die Ihr Team Ihnen erklären wird.",
        s.MEDICINE_HEADING: "Ihr Medikament",
        s.YOU_TAKE: "Sie nehmen <b>{drug}</b> ein.",
        s.COMMON: "Häufige Nebenwirkungen sind:",
        s.URGENT: "Rufen Sie Ihr Team sofort an bei:",
        s.LEAFLET: (
            "Das ist keine vollständige Liste: Sie steht in der Packungsbeilage. Sagen Sie "
            "Ihrem Team, wenn eine Nebenwirkung Sie belastet: Oft lässt sie sich lindern."
        ),
        s.SPECIALIST_QUESTION: "Kann eine GIST-Spezialistin oder ein GIST-Spezialist meine "
        "Aufnahmen ansehen?",
        d.SWELLING: "Schwellungen um die Augen, an den Füßen oder an den Beinen",
        d.NAUSEA: "Übelkeit oder Erbrechen",
        d.DIARRHEA: "Durchfall (weicher oder wässriger Stuhl)",
        d.TIRED: "Müdigkeit",
        d.CRAMPS: "Muskelkrämpfe oder Muskelschmerzen",
        d.RASH: "Hautausschlag",
        d.HAND_FOOT: "rote, wunde oder blasige Handflächen und Fußsohlen (Hand-Fuß-Reaktion)",
        d.BLOOD_PRESSURE: "hoher Blutdruck",
        d.SORE_MOUTH: "ein wunder Mund oder Mundgeschwüre",
        d.TASTE: "veränderter Geschmack",
        d.APPETITE: "Appetitlosigkeit oder Gewichtsverlust",
        d.HAIR: "Haarausfall oder dünner werdendes Haar",
        d.HAIR_COLOR: "veränderte Haar- oder Hautfarbe",
        d.HOARSE: "eine heisere Stimme",
        d.CONSTIPATION: "Verstopfung",
        d.WATERY_EYES: "tränende Augen",
        d.LOW_COUNTS: "niedrigere Blutwerte (im Bluttest zu sehen)",
        d.THYROID: "eine Unterfunktion der Schilddrüse (im Bluttest zu sehen)",
        d.MEMORY: "Vergesslichkeit oder langsameres Denken",
        d.U_BLEEDING: (
            "Blutungen: schwarzer oder blutiger Stuhl, Erbrechen von Blut oder eine Blutung, "
            "die nicht aufhört"
        ),
        d.U_WEIGHT: "schneller Gewichtszunahme oder Schwellungen mit Atemnot",
        d.U_LIVER: "gelber Haut oder gelben Augen oder dunklem Urin",
        d.U_FEVER: "Fieber, Schüttelfrost oder anderen Zeichen einer Infektion",
        d.U_SKIN: "einem schweren Ausschlag oder Blasen oder sich schälender Haut",
        d.U_BELLY: "starken Bauchschmerzen",
        d.U_CHEST: "Schmerzen oder Druck in der Brust oder Atemnot",
        d.U_HEADACHE: "starken Kopfschmerzen, Verwirrtheit oder Sehstörungen",
        d.U_BRAIN: (
            "plötzlichen starken Kopfschmerzen, starker Schläfrigkeit, Verwirrtheit oder "
            "Schwäche einer Körperseite"
        ),
        d.U_MEMORY: "Gedächtnis- oder Denkproblemen, die schlimmer werden",
        d.U_SKIN_GROWTH: "einer neuen oder sich verändernden Stelle oder Wucherung auf der Haut",
        d.U_DIARRHEA: "Durchfall, der nicht innerhalb eines Tages nachlässt",
        d.U_WOUND: "einer Wunde, die nicht heilt",
    }
)
