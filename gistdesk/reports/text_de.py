"""German wording of the patient handout: English phrase (as written in handout.py, text.py
and facts.py) -> German. Templates keep their `{name}` fields.

Same rules as the English: plain words, every abbreviation explained where it first appears,
no response codes, "Sie" throughout. Reviewed wording belongs here, not in the layout code.
"""

from __future__ import annotations

from gistdesk.core.vocab import Drug, Intent, Mutation, ProcedureKind, Site, StopReason
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
    t.RESPONSE_PLAIN["CR"]: "Auf der Aufnahme ist kein Tumor zu sehen.",
    t.RESPONSE_PLAIN["PR"]: "Die Tumoren sind kleiner geworden.",
    t.RESPONSE_PLAIN["SD"]: "Die Tumoren sind etwa gleich groß geblieben.",
    t.RESPONSE_PLAIN[
        "PD"
    ]: "Die Aufnahme zeigt ein Wachstum. Ihr Team wird sich das genau ansehen.",
    t.RESPONSE_PLAIN[
        "NE"
    ]: "Die Aufnahme konnte nicht auf die übliche Weise mit der früheren verglichen werden. "
    "Ihr Team wird Ihnen erklären, was sie zeigt.",
    t.SINGULAR[t.RESPONSE_PLAIN["PR"]]: "Der Tumor ist kleiner geworden.",
    t.SINGULAR[t.RESPONSE_PLAIN["SD"]]: "Der Tumor ist etwa gleich groß geblieben.",
    t.FALSE_PROGRESSION_PLAIN: "Auf einer Aufnahme kann ein Tumor größer aussehen, obwohl er auf das Medikament "
    "anspricht, zum Beispiel wenn er anschwillt oder innen wässriger wird. Ihr Team prüft "
    "das, manchmal mit einer weiteren Aufnahme.",
    t.DENSITY_RESPONSE_PLAIN: "Die Aufnahme zeigt auch, dass die Tumoren innen weniger dicht geworden sind. Das ist "
    "oft ein Zeichen, dass das Medikament wirkt.",
    t.SINGULAR[
        t.DENSITY_RESPONSE_PLAIN
    ]: "Die Aufnahme zeigt auch, dass der Tumor innen weniger dicht geworden ist. Das ist "
    "oft ein Zeichen, dass das Medikament wirkt.",
    t.NEW_SPOT_PLAIN: "Die Aufnahme zeigt etwas Neues. Ihr Team wird sich das genau ansehen.",
    t.NO_COMPARISON_PLAIN: "Ihr Team hat sich diese Aufnahme angesehen und wird mit Ihnen darüber sprechen.",
    "No tumor can be seen on the scan.": "Auf der Aufnahme ist kein Tumor zu sehen.",
    "Scan results can be hard to read on their own. Your team looks at each scan together "
    "with how you feel and your earlier scans.": "Befunde der Bildgebung sind für sich allein oft schwer zu deuten. Ihr Team betrachtet "
    "jede Aufnahme zusammen mit Ihrem Befinden und Ihren früheren Aufnahmen.",
    # ---- what happens next ----
    "Your next scan is due now ({why}). Please check with your team that it is booked.": "Ihre nächste Bildgebung ist jetzt fällig ({why}). Bitte klären Sie mit Ihrem Team, "
    "ob ein Termin vereinbart ist.",
    "Your next scan is planned for around <b>{month}</b>, because {why}. This is a plan: "
    "your team will confirm the date.": "Ihre nächste Bildgebung ist für etwa <b>{month}</b> geplant, denn {why}. Das ist "
    "ein Plan: Ihr Team bestätigt den Termin.",
    "while you take this medicine, scans are usually about every 3 months": "solange Sie dieses Medikament einnehmen, wird meist etwa alle 3 Monate untersucht",
    "while you take medicine after surgery, scans are usually about every 6 months": "solange Sie nach der Operation ein Medikament einnehmen, wird meist etwa alle "
    "6 Monate untersucht",
    "during a break from medicine, scans are usually about every 3 months": "in einer Medikamentenpause wird meist etwa alle 3 Monate untersucht",
    "after surgery for a low-risk tumor, scans are usually yearly": "nach der Operation eines Tumors mit geringem Risiko wird meist einmal im Jahr "
    "untersucht",
    "after surgery, scans are usually about every 6 months at first": "nach einer Operation wird anfangs meist etwa alle 6 Monate untersucht",
    "Your team will plan your scans with you.": "Ihr Team wird Ihre Untersuchungen mit Ihnen planen.",
    "No routine scan is planned: for a tumor with a very low chance of coming back, routine "
    "scans are often not needed. Your team will tell you if you need one.": "Es ist keine Routineuntersuchung geplant: Bei einem Tumor, der sehr wahrscheinlich "
    "nicht wiederkommt, sind Routineuntersuchungen oft nicht nötig. Ihr Team sagt Ihnen, "
    "wenn Sie eine brauchen.",
    "Your team may talk with you about:": "Ihr Team spricht mit Ihnen vielleicht über:",
    "For now, the plan is to carry on as agreed with your team.": "Vorerst ist geplant, wie mit Ihrem Team vereinbart weiterzumachen.",
    "Carrying on with the same medicine and checking again with another scan.": "Das gleiche Medikament weiter einzunehmen und mit einer weiteren Aufnahme erneut "
    "nachzusehen.",
    "Changing to another medicine ({drug}).": "Einen Wechsel zu einem anderen Medikament ({drug}).",
    t.OPTION_PLAIN[
        "surgery_or_local_therapy"
    ]: "Eine Operation oder eine Behandlung, die auf eine Stelle zielt (zum Beispiel eine "
    "Stelle mit Hitze zu zerstören).",
    t.OPTION_PLAIN["raise_dose"]: "Eine höhere Dosis des gleichen Medikaments.",
    t.OPTION_PLAIN[
        "clinical_trial"
    ]: "Die Teilnahme an einer klinischen Studie (einer Forschungsstudie zu einer neuen "
    "Behandlung).",
    t.OPTION_PLAIN[
        "stay_on_tki"
    ]: "Beim gleichen Medikament zu bleiben, wenn es insgesamt noch hilft.",
    t.OPTION_PLAIN["restart_tki"]: "Das Medikament wieder zu beginnen.",
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
