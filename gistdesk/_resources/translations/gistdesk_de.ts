<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
  <context>
    <name>About</name>
    <message>
      <location filename="../../gistdesk/ui/about.py" line="57" />
      <source>Case records, response assessment (RECIST 1.1, Choi, PET) and decision-support flags for gastrointestinal stromal tumor clinics.</source>
      <translation>Falldokumentation, Beurteilung des Ansprechens (RECIST 1.1, Choi, PET) und Hinweise zur Entscheidungsunterstützung für Sprechstunden für gastrointestinale Stromatumoren.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/about.py" line="62" />
      <source>Flags are decision support for the GIST team, not orders.</source>
      <translation>Hinweise dienen der Entscheidungsunterstützung des GIST-Teams, sie sind keine Anordnungen.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/about.py" line="63" />
      <source>Known simplifications</source>
      <translation>Bekannte Vereinfachungen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/about.py" line="64" />
      <source>Versions</source>
      <translation>Versionen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/about.py" line="29" />
      <source>a locally treated lesion leaves the reading only when the procedure lists it</source>
      <translation>eine lokal behandelte Läsion fällt nur dann aus der Auswertung, wenn der Eingriff sie aufführt</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/about.py" line="33" />
      <source>a rise in PET SUV alone raises no flag (the PET response is shown beside RECIST and Choi)</source>
      <translation>ein Anstieg des PET-SUV allein löst keinen Hinweis aus (das PET-Ansprechen wird neben RECIST und Choi gezeigt)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/about.py" line="37" />
      <source>an unknown rupture is computed as no rupture</source>
      <translation>eine unbekannte Ruptur wird als keine Ruptur gerechnet</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/about.py" line="20" />
      <source>no RECIST confirmation scans and no minimum duration for stable disease</source>
      <translation>keine RECIST-Bestätigungsuntersuchungen und keine Mindestdauer für eine stabile Erkrankung</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/about.py" line="32" />
      <source>no automatic Choi density for MRI or the low-dose CT of a PET-CT</source>
      <translation>keine automatische Choi-Dichte für MRT oder das Niedrigdosis-CT eines PET-CT</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/about.py" line="26" />
      <source>one PET threshold (25%) instead of EORTC's cycle-dependent thresholds</source>
      <translation>eine PET-Schwelle (25 %) statt der zyklusabhängigen Schwellen der EORTC</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/about.py" line="23" />
      <source>the team's review of a scan takes the place of a confirmation scan</source>
      <translation>die Beurteilung eines Scans durch das Team ersetzt einen Bestätigungsscan</translation>
    </message>
  </context>
  <context>
    <name>App</name>
    <message>
      <location filename="../../gistdesk/ui/app.py" line="149" />
      <source>An unexpected error happened ({0} in {1}). Nothing was saved by the action that failed; your data is safe in the database.</source>
      <translation>Ein unerwarteter Fehler ist aufgetreten ({0} in {1}). Die fehlgeschlagene Aktion hat nichts gespeichert; Ihre Daten sind in der Datenbank sicher.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/app.py" line="505" />
      <location filename="../../gistdesk/ui/app.py" line="577" />
      <location filename="../../gistdesk/ui/team.py" line="83" />
      <source>Cannot open the database</source>
      <translation>Die Datenbank kann nicht geöffnet werden</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/app.py" line="253" />
      <source>Checking the database after an unclean close: read only until done</source>
      <translation>Datenbank wird nach einem unsauberen Beenden geprüft: bis dahin nur lesen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/app.py" line="553" />
      <source>Create an empty clinic database</source>
      <translation>Leere Klinikdatenbank anlegen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/app.py" line="273" />
      <source>Database checked: no problem found</source>
      <translation>Datenbank geprüft: kein Problem gefunden</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/app.py" line="563" />
      <source>File exists</source>
      <translation>Datei existiert bereits</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/app.py" line="340" />
      <location filename="../../gistdesk/ui/app.py" line="556" />
      <source>Open a gistdesk database</source>
      <translation>gistdesk-Datenbank öffnen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/app.py" line="572" />
      <source>Opening the database…</source>
      <translation>Datenbank wird geöffnet…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/app.py" line="460" />
      <source>Restore cancelled</source>
      <translation>Wiederherstellung abgebrochen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/app.py" line="475" />
      <source>Restored {0}: sign in again</source>
      <translation>{0} wiederhergestellt: bitte erneut anmelden</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/app.py" line="455" />
      <source>Restoring the backup…</source>
      <translation>Sicherung wird wiederhergestellt…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/app.py" line="148" />
      <source>Something went wrong</source>
      <translation>Etwas ist schiefgelaufen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/app.py" line="428" />
      <source>The automatic backup was not made</source>
      <translation>Die automatische Sicherung wurde nicht erstellt</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/app.py" line="469" />
      <source>The backup was not restored</source>
      <translation>Die Sicherung wurde nicht wiederhergestellt</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/app.py" line="461" />
      <source>The backup was not restored; the database is unchanged. Sign in again to go on.</source>
      <translation>Die Sicherung wurde nicht wiederhergestellt; die Datenbank ist unverändert. Melden Sie sich erneut an, um weiterzuarbeiten.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/app.py" line="261" />
      <source>The database is damaged</source>
      <translation>Die Datenbank ist beschädigt</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/app.py" line="262" />
      <source>The integrity check of the database failed. gistdesk shows what it can read but will not save changes. Restore a backup before going on.</source>
      <translation>Die Integritätsprüfung der Datenbank ist fehlgeschlagen. gistdesk zeigt an, was es lesen kann, speichert aber keine Änderungen. Stellen Sie eine Sicherung wieder her, bevor Sie weiterarbeiten.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/app.py" line="154" />
      <source>What failed: {0} in {1}

A technical log (without patient data) was written to:
{2}
Time: {3}</source>
      <translation>Fehlgeschlagen: {0} in {1}

Ein technisches Protokoll (ohne Patientendaten) wurde geschrieben nach:
{2}
Zeit: {3}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/app.py" line="258" />
      <source>database damaged: read only</source>
      <translation>Datenbank beschädigt: nur Lesen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/app.py" line="429" />
      <source>gistdesk closes normally; your data is safe in the database. Make a backup with Tools &gt; Backups… next time.</source>
      <translation>gistdesk wird normal beendet; Ihre Daten sind in der Datenbank sicher. Erstellen Sie beim nächsten Mal eine Sicherung über Extras &gt; Sicherungen….</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/app.py" line="564" />
      <source>{0} already exists; choose a new name.</source>
      <translation>{0} existiert bereits; wählen Sie einen neuen Namen.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/app.py" line="506" />
      <location filename="../../gistdesk/ui/app.py" line="578" />
      <location filename="../../gistdesk/ui/team.py" line="84" />
      <source>{0} could not be opened.</source>
      <translation>{0} konnte nicht geöffnet werden.</translation>
    </message>
  </context>
  <context>
    <name>AuditDialog</name>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="45" />
      <source>Action</source>
      <translation>Aktion</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="141" />
      <source>Audit log — gistdesk</source>
      <translation>Prüfprotokoll — gistdesk</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="271" />
      <source>Entries {0}–{1}, newest first</source>
      <translation>Einträge {0}–{1}, neueste zuerst</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="269" />
      <source>Entries {0}–{1}, newest first (more on the next page)</source>
      <translation>Einträge {0}–{1}, neueste zuerst (weitere auf der nächsten Seite)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="47" />
      <source>Field</source>
      <translation>Feld</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="219" />
      <source>From</source>
      <translation>Von</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="162" />
      <source>From:</source>
      <translation>Von:</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="49" />
      <source>New value</source>
      <translation>Neuer Wert</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="48" />
      <source>Old value</source>
      <translation>Alter Wert</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="203" />
      <source>Older ▶</source>
      <translation>Ältere ▶</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="44" />
      <source>Record</source>
      <translation>Akte</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="161" />
      <source>Record number:</source>
      <translation>Aktennummer:</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="170" />
      <source>Show</source>
      <translation>Anzeigen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="260" />
      <source>The audit log could not be read: {0}</source>
      <translation>Das Prüfprotokoll konnte nicht gelesen werden: {0}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="42" />
      <source>Time</source>
      <translation>Zeit</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="219" />
      <source>To</source>
      <translation>Bis</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="163" />
      <source>To:</source>
      <translation>Bis:</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="43" />
      <source>User</source>
      <translation>Benutzer</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="160" />
      <source>User:</source>
      <translation>Benutzer:</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="46" />
      <source>What</source>
      <translation>Was</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="152" />
      <source>all patients</source>
      <translation>alle Patienten</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="149" />
      <source>any user</source>
      <translation>alle Benutzer</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="228" />
      <source>{0}: not a date ({1}); type e.g. 2024-03-05</source>
      <translation>{0}: kein Datum ({1}); z. B. 2024-03-05 eingeben</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="201" />
      <source>◀ Newer</source>
      <translation>◀ Neuere</translation>
    </message>
  </context>
  <context>
    <name>BackgroundOp</name>
    <message>
      <location filename="../../gistdesk/ui/background.py" line="247" />
      <source>Cancel</source>
      <translation>Abbrechen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/background.py" line="258" />
      <source>Cancelling…</source>
      <translation>Wird abgebrochen…</translation>
    </message>
  </context>
  <context>
    <name>BackupsDialog</name>
    <message>
      <location filename="../../gistdesk/ui/backups_dialog.py" line="145" />
      <source>Back up now</source>
      <translation>Jetzt sichern</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/backups_dialog.py" line="200" />
      <source>Backup written: {0}</source>
      <translation>Sicherung geschrieben: {0}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/backups_dialog.py" line="117" />
      <source>Backups — gistdesk</source>
      <translation>Sicherungen — gistdesk</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/backups_dialog.py" line="217" />
      <source>Cancel</source>
      <translation>Abbrechen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/backups_dialog.py" line="121" />
      <source>Copies of the clinic database, newest first. A backup is made when gistdesk closes and before every restore.</source>
      <translation>Kopien der Klinikdatenbank, neueste zuerst. Eine Sicherung wird beim Beenden von gistdesk und vor jeder Wiederherstellung erstellt.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/backups_dialog.py" line="190" />
      <source>Making a backup…</source>
      <translation>Sicherung wird erstellt…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/backups_dialog.py" line="210" />
      <source>Replace the clinic database with the backup {0} of {1} ({2})?

Everything saved after that time is replaced (a backup of the current database is made first). gistdesk reopens the database and everyone signs in again.</source>
      <translation>Die Klinikdatenbank durch die Sicherung {0} vom {1} ({2}) ersetzen?

Alles, was danach gespeichert wurde, wird ersetzt (vorher wird die aktuelle Datenbank gesichert). gistdesk öffnet die Datenbank neu und alle melden sich erneut an.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/backups_dialog.py" line="209" />
      <source>Restore a backup</source>
      <translation>Sicherung wiederherstellen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/backups_dialog.py" line="216" />
      <source>Restore this backup</source>
      <translation>Diese Sicherung wiederherstellen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/backups_dialog.py" line="147" />
      <source>Restore…</source>
      <translation>Wiederherstellen…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/backups_dialog.py" line="195" />
      <source>The backup was cancelled; nothing was written.</source>
      <translation>Die Sicherung wurde abgebrochen; nichts wurde geschrieben.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/backups_dialog.py" line="198" />
      <source>The backup was not made</source>
      <translation>Die Sicherung wurde nicht erstellt</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/backups_dialog.py" line="166" />
      <source>The backups could not be listed: {0}</source>
      <translation>Die Sicherungen konnten nicht aufgelistet werden: {0}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/backups_dialog.py" line="47" />
      <source>automatic</source>
      <translation>automatisch</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/backups_dialog.py" line="48" />
      <source>backup</source>
      <translation>Sicherung</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/backups_dialog.py" line="49" />
      <source>before a restore</source>
      <translation>vor Wiederherstellung</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/backups_dialog.py" line="45" />
      <source>manual</source>
      <translation>manuell</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/backups_dialog.py" line="46" />
      <source>on close</source>
      <translation>beim Beenden</translation>
    </message>
  </context>
  <context>
    <name>CaseForm</name>
    <message>
      <location filename="../../gistdesk/ui/forms/base.py" line="420" />
      <source>Discard</source>
      <translation>Verwerfen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/base.py" line="421" />
      <source>Keep editing</source>
      <translation>Weiter bearbeiten</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/base.py" line="377" />
      <source>Not saved, and the patient could not be reloaded ({0}).</source>
      <translation>Nicht gespeichert, und der Patient konnte nicht neu geladen werden ({0}).</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/base.py" line="292" />
      <source>Not saved. Please correct:</source>
      <translation>Nicht gespeichert. Bitte korrigieren:</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/base.py" line="398" />
      <source>Not saved. Your entries are kept.</source>
      <translation>Nicht gespeichert. Ihre Eingaben bleiben erhalten.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/base.py" line="348" />
      <source>Not saved: the database refused the change ({0}). Your entries are kept.</source>
      <translation>Nicht gespeichert: Die Datenbank hat die Änderung abgelehnt ({0}). Ihre Eingaben bleiben erhalten.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/base.py" line="386" />
      <source>Reloaded: your entries now apply to the patient as it is. Check them and press Save again.</source>
      <translation>Neu geladen: Ihre Eingaben gelten jetzt für den aktuellen Stand des Patienten. Prüfen Sie sie und speichern Sie erneut.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/base.py" line="108" />
      <source>Save (Ctrl+Enter)</source>
      <translation>Speichern (Strg+Eingabe)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/base.py" line="417" />
      <source>This form has changes that are not saved. Discard them?</source>
      <translation>Dieses Formular hat ungespeicherte Änderungen. Verwerfen?</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/base.py" line="416" />
      <source>Unsaved changes</source>
      <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/base.py" line="337" />
      <source>{0} is already another patient's record number</source>
      <translation>{0} ist bereits die Aktennummer eines anderen Patienten</translation>
    </message>
  </context>
  <context>
    <name>ChangePasswordDialog</name>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="269" />
      <source>Change my password — gistdesk</source>
      <translation>Mein Passwort ändern — gistdesk</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="289" />
      <source>Change password</source>
      <translation>Passwort ändern</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="281" />
      <source>Current password:</source>
      <translation>Aktuelles Passwort:</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="283" />
      <source>New password again:</source>
      <translation>Neues Passwort wiederholen:</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="282" />
      <source>New password:</source>
      <translation>Neues Passwort:</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="285" />
      <location filename="../../gistdesk/ui/signin.py" line="304" />
      <source>New password: {0}</source>
      <translation>Neues Passwort: {0}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="275" />
      <source>Signed in as {0}</source>
      <translation>Angemeldet als {0}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="315" />
      <source>The current password is not right; nothing was changed.</source>
      <translation>Das aktuelle Passwort stimmt nicht; nichts wurde geändert.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="318" />
      <source>The password was not changed: {0}</source>
      <translation>Das Passwort wurde nicht geändert: {0}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="300" />
      <source>The two new passwords are not the same.</source>
      <translation>Die beiden neuen Passwörter sind nicht gleich.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="307" />
      <source>Too many wrong passwords: this account is locked until {0}. The window is locked.</source>
      <translation>Zu viele falsche Passwörter: Dieses Konto ist bis {0} gesperrt. Das Fenster ist gesperrt.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="297" />
      <source>Type your current password.</source>
      <translation>Geben Sie Ihr aktuelles Passwort ein.</translation>
    </message>
  </context>
  <context>
    <name>ConflictDialog</name>
    <message>
      <location filename="../../gistdesk/ui/conflict_dialog.py" line="110" />
      <source>Back to my form</source>
      <translation>Zurück zu meinem Formular</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/conflict_dialog.py" line="148" />
      <source>Not changed: the patient was changed</source>
      <translation>Nicht geändert: der Patient wurde inzwischen geändert</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/conflict_dialog.py" line="71" />
      <source>Not saved: the patient was changed</source>
      <translation>Nicht gespeichert: der Patient wurde inzwischen geändert</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/conflict_dialog.py" line="87" />
      <source>Nothing of yours was saved and your entries are kept. Reload the patient to apply your entries to it as it is now, check them, and save again.</source>
      <translation>Von Ihren Eingaben wurde nichts gespeichert, sie bleiben erhalten. Laden Sie den Patienten neu, um Ihre Eingaben auf den aktuellen Stand anzuwenden, prüfen Sie sie und speichern Sie erneut.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/conflict_dialog.py" line="93" />
      <source>Nothing of yours was saved and your entries are kept. The patient cannot be reloaded; copy what you need before closing the form.</source>
      <translation>Von Ihren Eingaben wurde nichts gespeichert, sie bleiben erhalten. Der Patient kann nicht neu geladen werden; übernehmen Sie, was Sie brauchen, bevor Sie das Formular schließen.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/conflict_dialog.py" line="105" />
      <source>Reload and re-apply my entries</source>
      <translation>Neu laden und meine Eingaben erneut anwenden</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/conflict_dialog.py" line="84" />
      <source>Their changes:</source>
      <translation>Deren Änderungen:</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/conflict_dialog.py" line="52" />
      <source>someone else</source>
      <translation>jemand anderes</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/conflict_dialog.py" line="59" />
      <source>{0} changed patient {1} ({2}) while your form was open.</source>
      <translation>{0} hat den Patienten {1} geändert ({2}), während Ihr Formular offen war.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/conflict_dialog.py" line="55" />
      <source>{0} deleted patient {1} ({2}) while your form was open.</source>
      <translation>{0} hat den Patienten {1} gelöscht ({2}), während Ihr Formular offen war.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/conflict_dialog.py" line="57" />
      <source>{0} deleted patient {1} and entered the number again ({2}).</source>
      <translation>{0} hat den Patienten {1} gelöscht und die Nummer neu vergeben ({2}).</translation>
    </message>
  </context>
  <context>
    <name>Controller</name>
    <message>
      <location filename="../../gistdesk/ui/controller.py" line="162" />
      <source>Deleting…</source>
      <translation>Wird gelöscht…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/controller.py" line="98" />
      <source>Opening…</source>
      <translation>Wird geöffnet…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/controller.py" line="136" />
      <location filename="../../gistdesk/ui/controller.py" line="151" />
      <source>Saving…</source>
      <translation>Wird gespeichert…</translation>
    </message>
  </context>
  <context>
    <name>CreateAdminDialog</name>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="233" />
      <source>Create account</source>
      <translation>Konto anlegen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="204" />
      <source>Create the administrator account — gistdesk</source>
      <translation>Administratorkonto anlegen — gistdesk</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="225" />
      <source>Display name:</source>
      <translation>Anzeigename:</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="227" />
      <source>Password again:</source>
      <translation>Passwort wiederholen:</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="226" />
      <source>Password:</source>
      <translation>Passwort:</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="229" />
      <location filename="../../gistdesk/ui/signin.py" line="252" />
      <source>Password: {0}</source>
      <translation>Passwort: {0}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="255" />
      <source>The account was not created: {0}</source>
      <translation>Das Konto wurde nicht angelegt: {0}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="244" />
      <source>The two passwords are not the same.</source>
      <translation>Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="209" />
      <source>This clinic database has no users yet. Create the administrator account: the administrator adds the clinicians, nurses and other users, and restores backups.</source>
      <translation>Diese Klinikdatenbank hat noch keine Benutzer. Legen Sie das Administratorkonto an: Der Administrator legt Ärztinnen und Ärzte, Pflegekräfte und weitere Benutzer an und stellt Sicherungen wieder her.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="224" />
      <source>User name:</source>
      <translation>Benutzername:</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="241" />
      <source>User name: type a user name.</source>
      <translation>Benutzername: bitte einen Benutzernamen eingeben.</translation>
    </message>
  </context>
  <context>
    <name>DatabaseChoice</name>
    <message>
      <location filename="../../gistdesk/ui/database_choice.py" line="74" />
      <source>Give the database file's full path (or use Browse…).</source>
      <translation>Geben Sie den vollständigen Pfad der Datenbankdatei an (oder nutzen Sie „Durchsuchen…“).</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/database_choice.py" line="67" />
      <source>Only postgresql:// addresses can be opened (or a database file).</source>
      <translation>Nur postgresql://-Adressen können geöffnet werden (oder eine Datenbankdatei).</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/database_choice.py" line="57" />
      <source>The address holds a password; it is never stored. Remove it: the password is asked at sign-in, or comes from GISTDESK_PASSWORD or ~/.pgpass.</source>
      <translation>Die Adresse enthält ein Passwort; Passwörter werden nie gespeichert. Entfernen Sie es: Das Passwort wird bei der Anmeldung abgefragt oder kommt aus GISTDESK_PASSWORD oder ~/.pgpass.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/database_choice.py" line="86" />
      <source>The folder {0} does not exist.</source>
      <translation>Der Ordner {0} existiert nicht.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/database_choice.py" line="51" />
      <source>The team database address cannot be read: {0}</source>
      <translation>Die Adresse der Teamdatenbank ist nicht lesbar: {0}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/database_choice.py" line="41" />
      <source>The team database is not available in this build of gistdesk.</source>
      <translation>Die Teamdatenbank ist in dieser gistdesk-Version nicht verfügbar.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/database_choice.py" line="33" />
      <source>This is not a database file or address.</source>
      <translation>Das ist weder eine Datenbankdatei noch eine Datenbankadresse.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/database_choice.py" line="80" />
      <source>{0} is a folder, not a database file.</source>
      <translation>{0} ist ein Ordner, keine Datenbankdatei.</translation>
    </message>
  </context>
  <context>
    <name>DateField</name>
    <message>
      <location filename="../../gistdesk/ui/forms/fields.py" line="66" />
      <source>Type a date: 2024-03-05, 20240305, 5.3.2024, or t for today</source>
      <translation>Datum eingeben: 2024-03-05, 20240305, 5.3.2024 oder t für heute</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="155" />
      <location filename="../../gistdesk/ui/audit_view.py" line="158" />
      <source>YYYY-MM-DD</source>
      <translation>JJJJ-MM-TT</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/fields.py" line="65" />
      <source>e.g. 2024-03-05 or 5.3.2024</source>
      <translation>z. B. 2024-03-05 oder 5.3.2024</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/fields.py" line="80" />
      <source>“{0}” is not a date (type e.g. 2024-03-05, 20240305, 5.3.2024 or t)</source>
      <translation>„{0}“ ist kein Datum (z. B. 2024-03-05, 20240305, 5.3.2024 oder t eingeben)</translation>
    </message>
  </context>
  <context>
    <name>Dialogs</name>
    <message>
      <location filename="../../gistdesk/ui/dialogs.py" line="122" />
      <source>Create empty clinic</source>
      <translation>Leere Klinikdatenbank anlegen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/dialogs.py" line="37" />
      <source>Discard</source>
      <translation>Verwerfen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/dialogs.py" line="159" />
      <source>Discard the changes</source>
      <translation>Änderungen verwerfen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/dialogs.py" line="38" />
      <source>Keep editing</source>
      <translation>Weiter bearbeiten</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/dialogs.py" line="157" />
      <source>Keep the form</source>
      <translation>Formular behalten</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/dialogs.py" line="114" />
      <source>No clinic database was found.</source>
      <translation>Es wurde keine Klinikdatenbank gefunden.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/dialogs.py" line="123" />
      <source>Open demo</source>
      <translation>Demo öffnen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/dialogs.py" line="125" />
      <source>Open existing…</source>
      <translation>Vorhandene öffnen…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/dialogs.py" line="126" />
      <source>Quit</source>
      <translation>Beenden</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/dialogs.py" line="152" />
      <source>The previous user</source>
      <translation>Der vorherige Benutzer</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/dialogs.py" line="146" />
      <source>Unsaved form of another user</source>
      <translation>Ungespeichertes Formular eines anderen Benutzers</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/dialogs.py" line="113" />
      <source>Welcome to gistdesk</source>
      <translation>Willkommen bei gistdesk</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/dialogs.py" line="116" />
      <source>gistdesk can create an empty clinic database at
{0}
or open the demo database (invented patients, for trying the app out).</source>
      <translation>gistdesk kann eine leere Klinikdatenbank anlegen unter
{0}
oder die Demo-Datenbank öffnen (erfundene Patienten, zum Ausprobieren).</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/dialogs.py" line="74" />
      <source>gistdesk database (*.sqlite *.db);;All files (*)</source>
      <translation>gistdesk-Datenbank (*.sqlite *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/dialogs.py" line="147" />
      <source>{0} left a form with changes that are not saved.

{1}, do you want to keep the form open (you then check and save it yourself, under your name) or discard those changes?</source>
      <translation>{0} hat ein Formular mit ungespeicherten Änderungen hinterlassen.

{1}, möchten Sie das Formular offen lassen (Sie prüfen und speichern es dann selbst, unter Ihrem Namen) oder diese Änderungen verwerfen?</translation>
    </message>
  </context>
  <context>
    <name>DoseChangeForm</name>
    <message>
      <location filename="../../gistdesk/ui/forms/dose_form.py" line="38" />
      <source>0 = treatment held? A dose of 0 mg/day records a pause of the treatment; it is shown as “held” in the lists and the chart.</source>
      <translation>0 = Behandlung pausiert? Eine Dosis von 0 mg/Tag hält eine Therapiepause fest; Listen und Diagramm zeigen sie als „held“ (pausiert).</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/dose_form.py" line="37" />
      <source>0 mg/day</source>
      <translation>0 mg/Tag</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/dose_form.py" line="88" />
      <source>Date</source>
      <translation>Datum</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/dose_form.py" line="91" />
      <source>Dose</source>
      <translation>Dosis</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/dose_form.py" line="62" />
      <source>Edit dose change</source>
      <translation>Dosisänderung bearbeiten</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/dose_form.py" line="44" />
      <source>No, correct the dose</source>
      <translation>Nein, Dosis korrigieren</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/dose_form.py" line="62" />
      <source>Record a dose change</source>
      <translation>Dosisänderung erfassen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/dose_form.py" line="96" />
      <source>Schedule</source>
      <translation>Schema</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/dose_form.py" line="82" />
      <source>Therapy line:</source>
      <translation>Therapielinie:</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/dose_form.py" line="43" />
      <source>Yes, treatment held</source>
      <translation>Ja, Behandlung pausiert</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/dose_form.py" line="71" />
      <location filename="../../gistdesk/ui/forms/dose_form.py" line="81" />
      <source>daily</source>
      <translation>täglich</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/dose_form.py" line="93" />
      <source>mg/day</source>
      <translation>mg/Tag</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/dose_form.py" line="22" />
      <source>ongoing</source>
      <translation>laufend</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/dose_form.py" line="80" />
      <source>was {0}</source>
      <translation>bisher {0}</translation>
    </message>
  </context>
  <context>
    <name>FieldError</name>
    <message>
      <location filename="../../gistdesk/ui/forms/base.py" line="242" />
      <location filename="../../gistdesk/ui/forms/fields.py" line="85" />
      <location filename="../../gistdesk/ui/forms/fields.py" line="107" />
      <location filename="../../gistdesk/ui/forms/line_form.py" line="102" />
      <source>is required</source>
      <translation>ist erforderlich</translation>
    </message>
  </context>
  <context>
    <name>Flags</name>
    <message>
      <location filename="../../gistdesk/ui/text.py" line="54" />
      <source>Adjuvant imatinib shorter than advised</source>
      <translation>Adjuvantes Imatinib kürzer als empfohlen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/text.py" line="53" />
      <source>Imatinib in SDH/NF1/wild-type GIST</source>
      <translation>Imatinib bei SDH/NF1/Wildtyp-GIST</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/text.py" line="52" />
      <source>KIT exon 9 below 800 mg imatinib</source>
      <translation>KIT Exon 9 unter 800 mg Imatinib</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/text.py" line="49" />
      <source>PDGFRA D842V on a drug it resists</source>
      <translation>PDGFRA D842V unter einem unwirksamen Medikament</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/text.py" line="47" />
      <source>Possible false progression</source>
      <translation>Mögliche Pseudoprogression</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/text.py" line="46" />
      <source>Possible progression</source>
      <translation>Mögliche Progression</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/text.py" line="48" />
      <source>Possible recurrence</source>
      <translation>Mögliches Rezidiv</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/text.py" line="55" />
      <source>Scan overdue</source>
      <translation>Bildgebung überfällig</translation>
    </message>
  </context>
  <context>
    <name>FlagsPanel</name>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="78" />
      <source>Adjuvant therapy (days)</source>
      <translation>Adjuvante Therapie (Tage)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="550" />
      <source>Adjuvant therapy ends on {0} (in {1} days): on the Adjuvant ending worklist.</source>
      <translation>Die adjuvante Therapie endet am {0} (in {1} Tagen): auf der Arbeitsliste „Adjuvant endet“.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="93" />
      <source>Advised duration (days)</source>
      <translation>Empfohlene Dauer (Tage)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="149" />
      <source>Awaiting the team’s review</source>
      <translation>Wartet auf die Beurteilung des Teams</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="219" />
      <source>Basis:</source>
      <translation>Grundlage:</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="79" />
      <source>Before surgery (days)</source>
      <translation>Vor der Operation (Tage)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="81" />
      <source>Change vs baseline</source>
      <translation>Änderung zum Ausgangsbefund</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="82" />
      <source>Change vs nadir</source>
      <translation>Änderung zum Nadir</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="75" />
      <source>Change vs reference</source>
      <translation>Änderung zur Referenz</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="206" />
      <source>Criteria:</source>
      <translation>Kriterien:</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="89" />
      <source>Days</source>
      <translation>Tage</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="90" />
      <source>Days on this line</source>
      <translation>Tage auf dieser Linie</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="91" />
      <source>Days since the last scan</source>
      <translation>Tage seit der letzten Bildgebung</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="83" />
      <source>Density change</source>
      <translation>Dichteänderung</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="85" />
      <source>Density change vs nadir</source>
      <translation>Dichteänderung zum Nadir</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="94" />
      <source>Dose</source>
      <translation>Dosis</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="209" />
      <source>Extent:</source>
      <translation>Ausmaß:</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="492" />
      <location filename="../../gistdesk/ui/flags_panel.py" line="507" />
      <location filename="../../gistdesk/ui/flags_panel.py" line="571" />
      <source>Flags</source>
      <translation>Hinweise</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="571" />
      <source>Flags ({0} open)</source>
      <translation>Hinweise ({0} offen)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="536" />
      <source>Flags support the GIST team's review; they are not orders.</source>
      <translation>Hinweise unterstützen die Beurteilung durch das GIST-Team; sie sind keine Anordnungen.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="71" />
      <source>Nadir scan</source>
      <translation>Nadir-Bildgebung</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="80" />
      <source>Next scan due</source>
      <translation>Nächste Bildgebung fällig</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="532" />
      <location filename="../../gistdesk/ui/flags_panel.py" line="575" />
      <source>No flags: nothing for the team to review.</source>
      <translation>Keine Hinweise: Für das Team gibt es nichts zu prüfen.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="234" />
      <source>Options to discuss:</source>
      <translation>Zu besprechende Optionen:</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="153" />
      <source>Re-image requested</source>
      <translation>Erneute Bildgebung angefordert</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="73" />
      <source>Reference scan</source>
      <translation>Referenzbildgebung</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="210" />
      <source>Resistance:</source>
      <translation>Resistenz:</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="153" />
      <source>Reviewed</source>
      <translation>Beurteilt</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="578" />
      <source>Reviewed ({0})</source>
      <translation>Beurteilt ({0})</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="88" />
      <source>SUVmax change</source>
      <translation>SUVmax-Änderung</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="92" />
      <source>Scan interval (days)</source>
      <translation>Bildgebungsintervall (Tage)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="317" />
      <source>Select to show its scan</source>
      <translation>Auswählen, um die Bildgebung zu zeigen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="70" />
      <source>Smallest sum (nadir)</source>
      <translation>Kleinste Summe (Nadir)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="241" />
      <source>Source:</source>
      <translation>Quelle:</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="69" />
      <source>Sum at baseline</source>
      <translation>Summe bei Ausgangsbefund</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="72" />
      <source>Sum at the reference scan</source>
      <translation>Summe bei der Referenzbildgebung</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="68" />
      <source>Sum of target diameters</source>
      <translation>Summe der Zieldurchmesser</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="223" />
      <source>early on the first TKI line (when false progression is most common)</source>
      <translation>früh in der ersten TKI-Linie (wenn eine Pseudoprogression am häufigsten ist)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="216" />
      <source>off therapy</source>
      <translation>ohne Therapie</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="191" />
      <source>scan {0}</source>
      <translation>Bildgebung {0}</translation>
    </message>
  </context>
  <context>
    <name>Language</name>
    <message>
      <location filename="../../gistdesk/ui/i18n.py" line="106" />
      <source>&amp;Language</source>
      <translation>&amp;Sprache</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/i18n.py" line="119" />
      <source>Applies at the next start of gistdesk</source>
      <translation>Gilt ab dem nächsten Start von gistdesk</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/i18n.py" line="129" />
      <source>Language set to {0}. It applies at the next start of gistdesk.</source>
      <translation>Sprache auf {0} gestellt. Sie gilt ab dem nächsten Start von gistdesk.</translation>
    </message>
  </context>
  <context>
    <name>LiveRefresh</name>
    <message>
      <location filename="../../gistdesk/ui/live_refresh.py" line="59" />
      <source>Also open for editing: {0}</source>
      <translation>Ebenfalls zur Bearbeitung geöffnet: {0}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/live_refresh.py" line="148" />
      <source>Patient {0} was changed by {1}; showing the saved version.</source>
      <translation>Patient {0} wurde von {1} geändert; angezeigt wird der gespeicherte Stand.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/live_refresh.py" line="145" />
      <source>Patient {0} was deleted by {1}.</source>
      <translation>Patient {0} wurde von {1} gelöscht.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/live_refresh.py" line="162" />
      <source>Your form is kept as it is; when you save, you are asked how to go on if your entries meet the change.</source>
      <translation>Ihr Formular bleibt, wie es ist; beim Speichern werden Sie gefragt, wie es weitergeht, falls Ihre Eingaben die Änderung berühren.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/live_refresh.py" line="143" />
      <source>someone else</source>
      <translation>jemand anderes</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/live_refresh.py" line="52" />
      <source>{0} on {1} since {2}</source>
      <translation>{0} an {1} seit {2}</translation>
    </message>
  </context>
  <context>
    <name>LockScreen</name>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="404" />
      <source>Another user can sign in here. Unsaved work of {0} is kept until they decide.</source>
      <translation>Ein anderer Benutzer kann sich hier anmelden. Ungespeicherte Arbeit von {0} bleibt erhalten, bis entschieden ist, was damit geschieht.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="397" />
      <source>Locked at {0} for {1}. Patient data is hidden. Type your password to go on, or switch user.</source>
      <translation>Gesperrt um {0} für {1}. Patientendaten sind ausgeblendet. Geben Sie Ihr Passwort ein, um fortzufahren, oder wechseln Sie den Benutzer.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="362" />
      <source>Password</source>
      <translation>Passwort</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="365" />
      <source>Password:</source>
      <translation>Passwort:</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="409" />
      <source>Sign in to go on.</source>
      <translation>Melden Sie sich an, um fortzufahren.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="370" />
      <source>Switch user…</source>
      <translation>Benutzer wechseln…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="372" />
      <source>Unlock</source>
      <translation>Entsperren</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="359" />
      <source>User name</source>
      <translation>Benutzername</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="364" />
      <source>User name:</source>
      <translation>Benutzername:</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="349" />
      <source>gistdesk is locked</source>
      <translation>gistdesk ist gesperrt</translation>
    </message>
  </context>
  <context>
    <name>LongWork</name>
    <message>
      <location filename="../../gistdesk/ui/long_work.py" line="59" />
      <source>Case files (*.json);;All files (*)</source>
      <translation>Falldateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/long_work.py" line="88" />
      <source>Case files imported</source>
      <translation>Falldateien importiert</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/long_work.py" line="148" />
      <source>Export all patients to a folder</source>
      <translation>Alle Patienten in einen Ordner exportieren</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/long_work.py" line="165" />
      <source>Export cancelled</source>
      <translation>Export abgebrochen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/long_work.py" line="161" />
      <source>Exporting all patients…</source>
      <translation>Alle Patienten werden exportiert…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/long_work.py" line="99" />
      <source>Import a patient list</source>
      <translation>Patientenliste importieren</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/long_work.py" line="75" />
      <location filename="../../gistdesk/ui/long_work.py" line="131" />
      <source>Import cancelled</source>
      <translation>Import abgebrochen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/long_work.py" line="58" />
      <source>Import case files</source>
      <translation>Falldateien importieren</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/long_work.py" line="70" />
      <source>Importing case files…</source>
      <translation>Falldateien werden importiert…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/long_work.py" line="128" />
      <source>Importing the patient list…</source>
      <translation>Patientenliste wird importiert…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/long_work.py" line="166" />
      <source>No file was left behind in {0}.</source>
      <translation>In {0} wurde keine Datei zurückgelassen.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/long_work.py" line="131" />
      <source>Nothing was imported.</source>
      <translation>Es wurde nichts importiert.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/long_work.py" line="138" />
      <source>Patient list imported</source>
      <translation>Patientenliste importiert</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/long_work.py" line="100" />
      <source>Patient lists (*.csv *.txt);;All files (*)</source>
      <translation>Patientenlisten (*.csv *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/long_work.py" line="174" />
      <source>Patients exported</source>
      <translation>Patienten exportiert</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/long_work.py" line="83" />
      <source>The case files were not imported</source>
      <translation>Die Falldateien wurden nicht importiert</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/long_work.py" line="135" />
      <source>The patient list was not imported</source>
      <translation>Die Patientenliste wurde nicht importiert</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/long_work.py" line="170" />
      <source>The patients were not exported</source>
      <translation>Die Patienten wurden nicht exportiert</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/long_work.py" line="175" />
      <source>{0} case file(s) written to {1}.</source>
      <translation>{0} Falldatei(en) nach {1} geschrieben.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/long_work.py" line="89" />
      <source>{0} file(s) imported, {1} refused.</source>
      <translation>{0} Datei(en) importiert, {1} abgelehnt.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/long_work.py" line="76" />
      <source>{0} of {1} file(s) were imported, each whole; the others were not read.</source>
      <translation>{0} von {1} Datei(en) wurden vollständig importiert; die übrigen wurden nicht gelesen.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/long_work.py" line="124" />
      <source>… and {0} more refused row(s)</source>
      <translation>… und {0} weitere abgelehnte Zeile(n)</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="449" />
      <source>&amp;About gistdesk</source>
      <translation>&amp;Über gistdesk</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="408" />
      <source>&amp;Audit log…</source>
      <translation>&amp;Prüfprotokoll…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="422" />
      <source>&amp;Backups…</source>
      <translation>&amp;Sicherungen…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="357" />
      <source>&amp;Delete patient…</source>
      <translation>Patient &amp;löschen…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="211" />
      <source>&amp;Edit patient and tumor…</source>
      <translation>Patient und Tumor &amp;bearbeiten…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="460" />
      <source>&amp;File</source>
      <translation>&amp;Datei</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="367" />
      <source>&amp;Find patient</source>
      <translation>Patient &amp;suchen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="526" />
      <source>&amp;Help</source>
      <translation>&amp;Hilfe</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="167" />
      <source>&amp;Import case files…</source>
      <translation>Fall&amp;dateien importieren…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="443" />
      <source>&amp;Keyboard shortcuts</source>
      <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="187" />
      <source>&amp;Lock now</source>
      <translation>&amp;Jetzt sperren</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="118" />
      <source>&amp;New patient…</source>
      <translation>&amp;Neuer Patient…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="126" />
      <source>&amp;Open database…</source>
      <translation>Datenbank ö&amp;ffnen…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="483" />
      <source>&amp;Patient</source>
      <translation>&amp;Patient</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="203" />
      <source>&amp;Quit</source>
      <translation>&amp;Beenden</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="373" />
      <source>&amp;Refresh</source>
      <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="292" />
      <source>&amp;Review flag…</source>
      <translation>Hinweis &amp;beurteilen…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="429" />
      <source>&amp;Settings…</source>
      <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="523" />
      <source>&amp;Tools</source>
      <translation>&amp;Extras</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="155" />
      <source>&amp;Tumor board sheet…</source>
      <translation>Tumor&amp;board-Blatt…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="437" />
      <source>&amp;User guide</source>
      <translation>&amp;Benutzerhandbuch</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="415" />
      <source>&amp;Users…</source>
      <translation>&amp;Benutzer…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="510" />
      <source>&amp;View</source>
      <translation>&amp;Ansicht</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window.py" line="698" />
      <source>A form with changes that are not saved is kept behind the lock. Quit and discard it?</source>
      <translation>Hinter der Sperre wartet ein Formular mit ungespeicherten Änderungen. Beenden und es verwerfen?</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window.py" line="483" />
      <source>About gistdesk</source>
      <translation>Über gistdesk</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window.py" line="618" />
      <source>Account locked</source>
      <translation>Konto gesperrt</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="238" />
      <source>Add &amp;dose change…</source>
      <translation>Neue &amp;Dosisänderung…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="303" />
      <source>Add &amp;procedure…</source>
      <translation>Neuer &amp;Eingriff…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="265" />
      <source>Add &amp;scan…</source>
      <translation>Neue &amp;Bildgebung…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="330" />
      <source>Add side &amp;effect…</source>
      <translation>Neue &amp;Nebenwirkung…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="220" />
      <source>Add therapy &amp;line…</source>
      <translation>Neue &amp;Therapielinie…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window_view.py" line="56" />
      <source>Adjuvant ending</source>
      <translation>Adjuvant endet</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window_view.py" line="53" />
      <source>All</source>
      <translation>Alle</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="399" />
      <source>Audit log of this &amp;patient…</source>
      <translation>Prüfprotokoll dieses &amp;Patienten…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window.py" line="396" />
      <source>Cannot open the patient</source>
      <translation>Der Patient kann nicht geöffnet werden</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="197" />
      <source>Change my &amp;password…</source>
      <translation>Mein Passwort än&amp;dern…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="132" />
      <source>Create empty &amp;clinic database…</source>
      <translation>Leere &amp;Klinikdatenbank anlegen…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window.py" line="654" />
      <source>Database: {0}</source>
      <translation>Datenbank: {0}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/edits.py" line="218" />
      <source>Delete dose change</source>
      <translation>Dosisänderung löschen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="256" />
      <source>Delete dose change…</source>
      <translation>Dosisänderung löschen…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/edits.py" line="307" />
      <location filename="../../gistdesk/ui/edits.py" line="312" />
      <source>Delete patient</source>
      <translation>Patient löschen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/edits.py" line="259" />
      <source>Delete procedure</source>
      <translation>Eingriff löschen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="321" />
      <source>Delete procedure…</source>
      <translation>Eingriff löschen…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/edits.py" line="178" />
      <source>Delete scan</source>
      <translation>Bildgebung löschen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="283" />
      <source>Delete scan…</source>
      <translation>Bildgebung löschen…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/edits.py" line="290" />
      <source>Delete side effect</source>
      <translation>Nebenwirkung löschen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="348" />
      <source>Delete side effect…</source>
      <translation>Nebenwirkung löschen…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/edits.py" line="219" />
      <source>Delete the dose change of {0} ({1} mg/day, {2})? The change is kept in the audit log.</source>
      <translation>Die Dosisänderung vom {0} ({1} mg/Tag, {2}) löschen? Die Änderung wird im Prüfprotokoll festgehalten.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/edits.py" line="308" />
      <source>Delete the patient {0} and everything recorded for them? {1} The audit log keeps a copy.</source>
      <translation>Den Patienten {0} und alles für ihn Erfasste löschen? {1} Das Prüfprotokoll behält eine Kopie.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/edits.py" line="260" />
      <source>Delete the procedure {0} of {1}? The change is kept in the audit log.</source>
      <translation>Den Eingriff „{0}“ vom {1} löschen? Die Änderung wird im Prüfprotokoll festgehalten.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/edits.py" line="291" />
      <source>Delete the side effect {0} (grade {1}) of {2}? The change is kept in the audit log.</source>
      <translation>Die Nebenwirkung „{0}“ (Grad {1}) vom {2} löschen? Die Änderung wird im Prüfprotokoll festgehalten.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/edits.py" line="179" />
      <source>Delete the {0} scan of {1} with its {2} lesion measurement(s)? The change is kept in the audit log.</source>
      <translation>Die {0}-Untersuchung vom {1} mit ihren {2} Läsionsmessungen löschen? Die Änderung wird im Prüfprotokoll festgehalten.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/edits.py" line="331" />
      <source>Deleted {0}</source>
      <translation>{0} gelöscht</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="181" />
      <source>E&amp;xport all patients…</source>
      <translation>Alle Patienten e&amp;xportieren…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="247" />
      <source>Edit dose change…</source>
      <translation>Dosisänderung bearbeiten…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="312" />
      <source>Edit procedure…</source>
      <translation>Eingriff bearbeiten…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="274" />
      <source>Edit scan…</source>
      <translation>Bildgebung bearbeiten…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="339" />
      <source>Edit side effect…</source>
      <translation>Nebenwirkung bearbeiten…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="229" />
      <source>Edit therapy line…</source>
      <translation>Therapielinie bearbeiten…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="174" />
      <source>Import patient &amp;list (CSV)…</source>
      <translation>Patienten&amp;liste importieren (CSV)…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/edits.py" line="313" />
      <source>Keep</source>
      <translation>Behalten</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/edits.py" line="156" />
      <location filename="../../gistdesk/ui/main_window.py" line="703" />
      <source>Keep it</source>
      <translation>Behalten</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="190" />
      <source>Lock the window and hide patient data</source>
      <translation>Fenster sperren und Patientendaten ausblenden</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window.py" line="531" />
      <source>Locked</source>
      <translation>Gesperrt</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window_view.py" line="135" />
      <source>Main toolbar</source>
      <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="571" />
      <source>Needs the {0} role</source>
      <translation>Erfordert die Rolle {0}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/edits.py" line="63" />
      <source>Not allowed</source>
      <translation>Nicht erlaubt</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/edits.py" line="168" />
      <source>Nothing was deleted</source>
      <translation>Es wurde nichts gelöscht</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window.py" line="388" />
      <source>Patient {0} is no longer in the database</source>
      <translation>Patient {0} ist nicht mehr in der Datenbank</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="147" />
      <source>Print &amp;handout…</source>
      <translation>&amp;Patienteninformation drucken…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="139" />
      <source>Print &amp;summary…</source>
      <translation>&amp;Zusammenfassung drucken…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="160" />
      <source>Print the one-page tumor board sheet of the open patient</source>
      <translation>Das einseitige Tumorboard-Blatt des geöffneten Patienten drucken</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window.py" line="702" />
      <source>Quit and discard</source>
      <translation>Beenden und verwerfen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="298" />
      <source>Record the team's decision on the flagged scan</source>
      <translation>Die Entscheidung des Teams zur markierten Bildgebung erfassen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="193" />
      <source>S&amp;witch user…</source>
      <translation>Benutzer &amp;wechseln…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window.py" line="420" />
      <source>Saved {0}</source>
      <translation>{0} gespeichert</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window_view.py" line="54" />
      <source>Scan overdue</source>
      <translation>Bildgebung überfällig</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window.py" line="139" />
      <location filename="../../gistdesk/ui/main_window.py" line="235" />
      <source>Search failed: {0}</source>
      <translation>Suche fehlgeschlagen: {0}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window_view.py" line="91" />
      <source>Search patients</source>
      <translation>Patienten suchen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window_view.py" line="89" />
      <source>Search record number or name  (Ctrl+F)</source>
      <translation>Aktennummer oder Name suchen  (Strg+F)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window.py" line="263" />
      <location filename="../../gistdesk/ui/main_window_view.py" line="107" />
      <source>Select a patient in the list, or create one with Ctrl+N.</source>
      <translation>Wählen Sie einen Patienten in der Liste oder legen Sie mit Strg+N einen neuen an.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window.py" line="165" />
      <source>Signed in: {0}</source>
      <translation>Angemeldet: {0}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window.py" line="628" />
      <source>The database choice takes effect at the next start.</source>
      <translation>Die gewählte Datenbank gilt ab dem nächsten Start.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/edits.py" line="327" />
      <source>The patient was not deleted</source>
      <translation>Der Patient wurde nicht gelöscht</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/edits.py" line="184" />
      <source>The scan was not deleted</source>
      <translation>Die Bildgebung wurde nicht gelöscht</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window.py" line="261" />
      <source>This clinic has no patients yet.
Create the first with New patient (Ctrl+N).</source>
      <translation>Diese Klinik hat noch keine Patienten.
Legen Sie den ersten mit „Neuer Patient“ (Strg+N) an.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window_view.py" line="55" />
      <source>To review</source>
      <translation>Zu prüfen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window.py" line="697" />
      <source>Unsaved form</source>
      <translation>Ungespeichertes Formular</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window.py" line="243" />
      <source>Worklist failed: {0}</source>
      <translation>Arbeitsliste fehlgeschlagen: {0}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="391" />
      <source>Worklist: Adjuvant ending</source>
      <translation>Arbeitsliste: Adjuvant endet</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="386" />
      <source>Worklist: All</source>
      <translation>Arbeitsliste: Alle</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="387" />
      <source>Worklist: Scan overdue</source>
      <translation>Arbeitsliste: Bildgebung überfällig</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="388" />
      <source>Worklist: To review</source>
      <translation>Arbeitsliste: Zu prüfen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window.py" line="615" />
      <source>Your password was changed.</source>
      <translation>Ihr Passwort wurde geändert.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window.py" line="592" />
      <source>Your role cannot see the audit log.</source>
      <translation>Ihre Rolle darf das Prüfprotokoll nicht einsehen.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/edits.py" line="64" />
      <source>Your role does not allow this. Ask an administrator.</source>
      <translation>Ihre Rolle erlaubt das nicht. Wenden Sie sich an einen Administrator.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window.py" line="526" />
      <source>gistdesk — locked</source>
      <translation>gistdesk — gesperrt</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window.py" line="164" />
      <source>nobody</source>
      <translation>niemand</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window.py" line="280" />
      <source>{0} of more than {1} patients shown</source>
      <translation>{0} von mehr als {1} Patienten angezeigt</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window.py" line="273" />
      <source>{0} of {1} patients shown</source>
      <translation>{0} von {1} Patienten angezeigt</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="567" />
      <source>{0} or {1}</source>
      <translation>{0} oder {1}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window.py" line="267" />
      <source>{0} patient shown</source>
      <translation>{0} Patient angezeigt</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window.py" line="269" />
      <source>{0} patients shown</source>
      <translation>{0} Patienten angezeigt</translation>
    </message>
  </context>
  <context>
    <name>NumberField</name>
    <message>
      <location filename="../../gistdesk/ui/forms/fields.py" line="104" />
      <source>“{0}” is not a number</source>
      <translation>„{0}“ ist keine Zahl</translation>
    </message>
  </context>
  <context>
    <name>PatientForm</name>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="56" />
      <source>Birth date</source>
      <translation>Geburtsdatum</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="78" />
      <source>Diagnosis date</source>
      <translation>Diagnosedatum</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="34" />
      <source>Edit patient and primary tumor</source>
      <translation>Patient und Primärtumor bearbeiten</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="91" />
      <source>Extent</source>
      <translation>Ausbreitung</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="54" />
      <source>Family name</source>
      <translation>Nachname</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="55" />
      <source>Given name</source>
      <translation>Vorname</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="92" />
      <source>Metastatic sites</source>
      <translation>Metastasenorte</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="85" />
      <source>Mitoses</source>
      <translation>Mitosen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="90" />
      <source>Mutation</source>
      <translation>Mutation</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="34" />
      <source>New patient</source>
      <translation>Neuer Patient</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="66" />
      <source>No</source>
      <translation>Nein</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="58" />
      <source>Notes</source>
      <translation>Notizen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="50" />
      <source>Patient</source>
      <translation>Patient</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="79" />
      <source>Primary site</source>
      <translation>Primärlokalisation</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="75" />
      <source>Primary tumor</source>
      <translation>Primärtumor</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="53" />
      <source>Record number</source>
      <translation>Aktennummer</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="89" />
      <source>Rupture</source>
      <translation>Ruptur</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="57" />
      <source>Sex</source>
      <translation>Geschlecht</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="81" />
      <source>Size</source>
      <translation>Größe</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="66" />
      <source>Unknown</source>
      <translation>Unbekannt</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="66" />
      <source>Yes</source>
      <translation>Ja</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="81" />
      <source>cm</source>
      <translation>cm</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="73" />
      <source>comma separated, e.g. liver, peritoneum</source>
      <translation>durch Komma getrennt, z. B. Leber, Peritoneum</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="40" />
      <source>hospital record number (required)</source>
      <translation>Aktennummer des Krankenhauses (erforderlich)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="87" />
      <source>per 5 mm² (= 50 HPF)</source>
      <translation>pro 5 mm² (= 50 HPF)</translation>
    </message>
  </context>
  <context>
    <name>PatientHeader</name>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="374" />
      <source>Diagnosed &lt;b&gt;{0}&lt;/b&gt;</source>
      <translation>Diagnose &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="359" />
      <source>Record &lt;b&gt;{0}&lt;/b&gt;</source>
      <translation>Akte &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="386" />
      <source>Recurrence risk: &lt;i&gt;not computable (size or mitoses missing)&lt;/i&gt;</source>
      <translation>Rückfallrisiko: &lt;i&gt;nicht berechenbar (Größe oder Mitosen fehlen)&lt;/i&gt;</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="396" />
      <source>Recurrence risk: modified NIH &lt;b&gt;{0}&lt;/b&gt;</source>
      <translation>Rückfallrisiko: modifiziertes NIH &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="365" />
      <source>born {0}</source>
      <translation>geboren {0}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="381" />
      <source>extent &lt;b&gt;{0}&lt;/b&gt;</source>
      <translation>Ausbreitung &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="377" />
      <source>mitoses &lt;b&gt;{0}&lt;/b&gt;</source>
      <translation>Mitosen &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="380" />
      <source>mutation &lt;b&gt;{0}&lt;/b&gt;</source>
      <translation>Mutation &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="371" />
      <source>no</source>
      <translation>nein</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="379" />
      <source>rupture &lt;b&gt;{0}&lt;/b&gt;</source>
      <translation>Ruptur &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="375" />
      <source>site &lt;b&gt;{0}&lt;/b&gt;</source>
      <translation>Lokalisation &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="376" />
      <source>size &lt;b&gt;{0}&lt;/b&gt;</source>
      <translation>Größe &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="367" />
      <source>unknown</source>
      <translation>unbekannt</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="369" />
      <source>yes</source>
      <translation>ja</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="361" />
      <source>{0} years</source>
      <translation>{0} Jahre</translation>
    </message>
  </context>
  <context>
    <name>PatientListModel</name>
    <message>
      <location filename="../../gistdesk/ui/patient_list.py" line="57" />
      <source>Age</source>
      <translation>Alter</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_list.py" line="56" />
      <source>Born</source>
      <translation>Geboren</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_list.py" line="59" />
      <source>Current therapy</source>
      <translation>Therapie</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_list.py" line="62" />
      <source>Flags</source>
      <translation>Hinweise</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_list.py" line="60" />
      <source>Last scan</source>
      <translation>Letzter Scan</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_list.py" line="55" />
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_list.py" line="383" />
      <source>Next scan due by the follow-up interval</source>
      <translation>Nächste Bildgebung nach dem Nachsorgeintervall fällig</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_list.py" line="381" />
      <source>No routine scan due</source>
      <translation>Keine Routine-Bildgebung fällig</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_list.py" line="58" />
      <source>Primary site</source>
      <translation>Lokalisation</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_list.py" line="54" />
      <source>Record no.</source>
      <translation>Akten-Nr.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_list.py" line="61" />
      <source>Scan due</source>
      <translation>Bildgebung fällig</translation>
    </message>
  </context>
  <context>
    <name>PatientView</name>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="540" />
      <source>&amp;Procedures</source>
      <translation>&amp;Eingriffe</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="524" />
      <source>&amp;Scans</source>
      <translation>&amp;Bildgebung</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="36" />
      <source>Account</source>
      <translation>Konto</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="267" />
      <source>Action</source>
      <translation>Maßnahme</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="102" />
      <source>Baseline scan</source>
      <translation>Ausgangsbefund</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="108" />
      <source>Best Choi</source>
      <translation>Bestes Choi</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="103" />
      <source>Best RECIST</source>
      <translation>Bestes RECIST</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="260" />
      <source>CTCAE grade</source>
      <translation>CTCAE-Grad</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="226" />
      <source>Change</source>
      <translation>Änderung</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="177" />
      <source>Choi</source>
      <translation>Choi</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/backups_dialog.py" line="104" />
      <location filename="../../gistdesk/ui/patient_view.py" line="115" />
      <location filename="../../gistdesk/ui/patient_view.py" line="152" />
      <location filename="../../gistdesk/ui/patient_view.py" line="250" />
      <location filename="../../gistdesk/ui/patient_view.py" line="258" />
      <source>Date</source>
      <translation>Datum</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="186" />
      <source>Density</source>
      <translation>Dichte</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="232" />
      <source>Density (HU)</source>
      <translation>Dichte (HU)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="220" />
      <source>Diameter (mm)</source>
      <translation>Durchmesser (mm)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="34" />
      <source>Display name</source>
      <translation>Anzeigename</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="116" />
      <source>Dose</source>
      <translation>Dosis</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="485" />
      <location filename="../../gistdesk/ui/patient_view.py" line="609" />
      <location filename="../../gistdesk/ui/patient_view.py" line="710" />
      <source>Dose history</source>
      <translation>Dosisverlauf</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="716" />
      <source>Dose history: {0}, from {1}</source>
      <translation>Dosisverlauf: {0}, ab {1}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="96" />
      <source>Dose now</source>
      <translation>Aktuelle Dosis</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="91" />
      <location filename="../../gistdesk/ui/patient_view.py" line="266" />
      <source>Drug</source>
      <translation>Medikament</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="95" />
      <source>End</source>
      <translation>Ende</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/backups_dialog.py" line="107" />
      <source>File</source>
      <translation>Datei</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="198" />
      <source>Flags</source>
      <translation>Hinweise</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="242" />
      <source>Hypodense</source>
      <translation>Hypodens</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="92" />
      <source>Intent</source>
      <translation>Therapieziel</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/backups_dialog.py" line="105" />
      <source>Kind</source>
      <translation>Art</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="215" />
      <source>Lesion</source>
      <translation>Läsion</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="700" />
      <source>Lesions on {0} ({1}), change vs the previous scan</source>
      <translation>Läsionen am {0} ({1}), Änderung gegenüber der vorigen Bildgebung</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="509" />
      <location filename="../../gistdesk/ui/patient_view.py" line="687" />
      <source>Lesions: select a scan</source>
      <translation>Läsionen: Bildgebung auswählen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="93" />
      <source>Line</source>
      <translation>Linie</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="253" />
      <source>Margin</source>
      <translation>Resektionsrand</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="153" />
      <source>Modality</source>
      <translation>Modalität</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="239" />
      <source>New</source>
      <translation>Neu</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="219" />
      <source>Node</source>
      <translation>Lymphknoten</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="243" />
      <source>Nodule</source>
      <translation>Knoten</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="197" />
      <source>Non-target</source>
      <translation>Nicht-Ziel</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="255" />
      <source>Note</source>
      <translation>Notiz</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="217" />
      <location filename="../../gistdesk/ui/patient_view.py" line="252" />
      <source>Organ</source>
      <translation>Organ</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="191" />
      <source>PET</source>
      <translation>PET</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="233" />
      <source>Prev. HU</source>
      <translation>Vorher HU</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="221" />
      <source>Previous (mm)</source>
      <translation>Vorher (mm)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="251" />
      <source>Procedure</source>
      <translation>Eingriff</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="176" />
      <source>RECIST</source>
      <translation>RECIST</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="155" />
      <source>Reference</source>
      <translation>Referenz</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="203" />
      <source>Review</source>
      <translation>Beurteilung</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="154" />
      <location filename="../../gistdesk/ui/users_dialog.py" line="35" />
      <source>Role</source>
      <translation>Rolle</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="238" />
      <source>SUVmax</source>
      <translation>SUVmax</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="117" />
      <source>Schedule</source>
      <translation>Schema</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="556" />
      <source>Side &amp;effects</source>
      <translation>&amp;Nebenwirkungen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/backups_dialog.py" line="106" />
      <source>Size</source>
      <translation>Größe</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="94" />
      <source>Start</source>
      <translation>Beginn</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="101" />
      <source>Stop reason</source>
      <translation>Abbruchgrund</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="160" />
      <source>Sum (mm)</source>
      <translation>Summe (mm)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="218" />
      <source>Target</source>
      <translation>Ziel</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="259" />
      <source>Term</source>
      <translation>Begriff</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="498" />
      <source>Therapy &amp;lines</source>
      <translation>&amp;Therapielinien</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="159" />
      <location filename="../../gistdesk/ui/patient_view.py" line="216" />
      <source>Treated</source>
      <translation>Behandelt</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="254" />
      <source>Treated lesions</source>
      <translation>Behandelte Läsionen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="33" />
      <source>User name</source>
      <translation>Benutzername</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="171" />
      <source>vs nadir</source>
      <translation>ggü. Nadir</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="166" />
      <source>vs reference</source>
      <translation>ggü. Referenz</translation>
    </message>
  </context>
  <context>
    <name>PdfPreview</name>
    <message numerus="yes">
      <location filename="../../gistdesk/ui/pdf_preview.py" line="109" />
      <source>%n page(s)</source>
      <translation>
        <numerusform>%n Seite</numerusform>
        <numerusform>%n Seiten</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/pdf_preview.py" line="155" />
      <source>&amp;Close</source>
      <translation>S&amp;chließen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/pdf_preview.py" line="153" />
      <source>&amp;Print…</source>
      <translation>&amp;Drucken…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/pdf_preview.py" line="154" />
      <source>&amp;Save as PDF…</source>
      <translation>Als PDF &amp;speichern…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/pdf_preview.py" line="120" />
      <source>Fit width</source>
      <translation>Seitenbreite</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/pdf_preview.py" line="114" />
      <source>Next page ▶</source>
      <translation>Nächste Seite ▶</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/pdf_preview.py" line="218" />
      <source>Nothing was printed</source>
      <translation>Es wurde nichts gedruckt</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/pdf_preview.py" line="185" />
      <source>Page {0} of {1}</source>
      <translation>Seite {0} von {1}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/pdf_preview.py" line="224" />
      <source>Save as PDF</source>
      <translation>Als PDF speichern</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/pdf_preview.py" line="232" />
      <location filename="../../gistdesk/ui/pdf_preview.py" line="239" />
      <source>The PDF was not saved</source>
      <translation>Das PDF wurde nicht gespeichert</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/pdf_preview.py" line="122" />
      <source>Whole page</source>
      <translation>Ganze Seite</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/pdf_preview.py" line="118" />
      <source>Zoom in</source>
      <translation>Vergrößern</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/pdf_preview.py" line="116" />
      <source>Zoom out</source>
      <translation>Verkleinern</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/pdf_preview.py" line="112" />
      <source>◀ Previous page</source>
      <translation>◀ Vorherige Seite</translation>
    </message>
  </context>
  <context>
    <name>Printing</name>
    <message>
      <location filename="../../gistdesk/ui/printing.py" line="161" />
      <source>Building the PDF…</source>
      <translation>PDF wird erstellt…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/printing.py" line="128" />
      <source>Nothing was printed</source>
      <translation>Es wurde nichts gedruckt</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/printing.py" line="113" />
      <source>Printing not available yet</source>
      <translation>Drucken noch nicht verfügbar</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/printing.py" line="151" />
      <source>The PDF could not be made</source>
      <translation>Das PDF konnte nicht erstellt werden</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/printing.py" line="114" />
      <source>The {0} PDF is not available in this version of gistdesk yet.
Nothing was printed.</source>
      <translation>Das PDF „{0}“ ist in dieser Version von gistdesk noch nicht verfügbar.
Es wurde nichts gedruckt.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/printing.py" line="152" />
      <source>The {0} could not be built; nothing was saved.</source>
      <translation>„{0}“ konnte nicht erstellt werden; es wurde nichts gespeichert.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/printing.py" line="29" />
      <source>clinician summary</source>
      <translation>Ärztliche Zusammenfassung</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/printing.py" line="30" />
      <source>patient handout</source>
      <translation>Patienteninformation</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/printing.py" line="31" />
      <source>tumor board sheet</source>
      <translation>Tumorboard-Blatt</translation>
    </message>
  </context>
  <context>
    <name>ProcedureForm</name>
    <message>
      <location filename="../../gistdesk/ui/forms/procedure_form.py" line="71" />
      <source>Add procedure</source>
      <translation>Eingriff hinzufügen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/procedure_form.py" line="86" />
      <source>Date</source>
      <translation>Datum</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/procedure_form.py" line="71" />
      <source>Edit procedure</source>
      <translation>Eingriff bearbeiten</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/procedure_form.py" line="89" />
      <source>Margin</source>
      <translation>Resektionsrand</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/procedure_form.py" line="121" />
      <source>No lesion measured on any scan yet.</source>
      <translation>Noch keine Läsion in einer Bildgebung gemessen.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/procedure_form.py" line="90" />
      <source>Note</source>
      <translation>Notiz</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/procedure_form.py" line="88" />
      <source>Organ</source>
      <translation>Organ</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/procedure_form.py" line="87" />
      <source>Procedure</source>
      <translation>Eingriff</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/procedure_form.py" line="116" />
      <source>Tick the lesions this procedure ablated, embolized, irradiated or removed: later scans leave them out of RECIST and Choi.</source>
      <translation>Die Läsionen ankreuzen, die dieser Eingriff abladiert, embolisiert, bestrahlt oder entfernt hat: spätere Bildgebungen lassen sie bei RECIST und Choi außen vor.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/procedure_form.py" line="95" />
      <location filename="../../gistdesk/ui/forms/procedure_form.py" line="125" />
      <source>Treated lesions</source>
      <translation>Behandelte Läsionen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/procedure_form.py" line="107" />
      <source>{0} (on no scan)</source>
      <translation>{0} (in keiner Bildgebung)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/procedure_form.py" line="79" />
      <source>— (not surgery)</source>
      <translation>— (keine Operation)</translation>
    </message>
  </context>
  <context>
    <name>Review</name>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="79" />
      <source>new reference</source>
      <translation>neue Referenz</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="77" />
      <source>not progression</source>
      <translation>keine Progression</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="76" />
      <source>progression confirmed</source>
      <translation>Progression bestätigt</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="78" />
      <source>re-image before deciding</source>
      <translation>vor der Entscheidung erneut bildgeben</translation>
    </message>
  </context>
  <context>
    <name>ReviewDialog</name>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="44" />
      <source>&amp;1  Progression confirmed</source>
      <translation>&amp;1  Progression bestätigt</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="52" />
      <source>&amp;2  Not progression</source>
      <translation>&amp;2  Keine Progression</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="60" />
      <source>&amp;3  Re-image before deciding</source>
      <translation>&amp;3  Vor der Entscheidung erneut bildgeben</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="67" />
      <source>&amp;4  New reference from this scan</source>
      <translation>&amp;4  Neue Referenz ab dieser Bildgebung</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="61" />
      <source>Another scan first; the flag stays open on the To review list.</source>
      <translation>Zuerst eine weitere Bildgebung; der Hinweis bleibt auf der Liste „Zu beurteilen“.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="158" />
      <source>By:</source>
      <translation>Von:</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="226" />
      <source>Choose a decision (1-4).</source>
      <translation>Eine Entscheidung wählen (1–4).</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="155" />
      <source>Decided on:</source>
      <translation>Entschieden am:</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="205" />
      <source>Earlier reviews of this scan</source>
      <translation>Frühere Beurteilungen dieser Bildgebung</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="68" />
      <source>Later scans are compared with this one (e.g. after local therapy or a break).</source>
      <translation>Spätere Bildgebungen werden mit dieser verglichen (z. B. nach lokaler Therapie oder einer Pause).</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="209" />
      <source>No flag on this scan.</source>
      <translation>Kein Hinweis zu dieser Bildgebung.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="154" />
      <source>Note:</source>
      <translation>Notiz:</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="198" />
      <source>Options to discuss:</source>
      <translation>Zu besprechende Optionen:</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="117" />
      <source>Review the scan of {0}</source>
      <translation>Bildgebung vom {0} beurteilen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="171" />
      <source>Save review</source>
      <translation>Beurteilung speichern</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="172" />
      <source>Save the review (Ctrl+Enter)</source>
      <translation>Die Beurteilung speichern (Strg+Eingabe)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="235" />
      <source>The review cannot be dated after today.</source>
      <translation>Die Beurteilung kann nicht nach heute datiert sein.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="233" />
      <source>The review cannot be dated before the scan.</source>
      <translation>Die Beurteilung kann nicht vor der Bildgebung datiert sein.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="253" />
      <source>The review was not saved: {0}</source>
      <translation>Die Beurteilung wurde nicht gespeichert: {0}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="45" />
      <source>The team accepts progression on this scan; it becomes the new reference.</source>
      <translation>Das Team bestätigt die Progression in dieser Bildgebung; sie wird die neue Referenz.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="53" />
      <source>This scan does not show progression (e.g. pseudoprogression, biopsy).</source>
      <translation>Diese Bildgebung zeigt keine Progression (z. B. Pseudoprogression, Biopsie).</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="151" />
      <source>e.g. tumor board 12 March: continue 800 mg</source>
      <translation>z. B. Tumorboard 12. März: 800 mg weiter</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="206" />
      <source>the new one supersedes them</source>
      <translation>die neue ersetzt sie</translation>
    </message>
  </context>
  <context>
    <name>Roles</name>
    <message>
      <location filename="../../gistdesk/ui/session.py" line="18" />
      <source>Administrator</source>
      <translation>Administrator</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/session.py" line="19" />
      <source>Clinician</source>
      <translation>Arzt/Ärztin</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/session.py" line="20" />
      <source>Nurse</source>
      <translation>Pflegekraft</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/session.py" line="21" />
      <source>Viewer</source>
      <translation>Nur Lesen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/session.py" line="38" />
      <source>nobody signed in</source>
      <translation>niemand angemeldet</translation>
    </message>
  </context>
  <context>
    <name>ScanForm</name>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="248" />
      <source>&amp;Add lesion</source>
      <translation>Läsion &amp;hinzufügen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="250" />
      <source>&amp;Remove lesion</source>
      <translation>Läsion &amp;entfernen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="185" />
      <source>Add scan</source>
      <translation>Bildgebung hinzufügen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="42" />
      <source>Density
(HU)</source>
      <translation>Dichte
(HU)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="40" />
      <source>Diameter
(mm)</source>
      <translation>Durchmesser
(mm)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="255" />
      <source>Diameters: longest axis in mm (short axis for lymph nodes). Leave a diameter empty if the lesion was not measured.</source>
      <translation>Durchmesser: längste Achse in mm (kurze Achse bei Lymphknoten). Durchmesser leer lassen, wenn die Läsion nicht gemessen wurde.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="185" />
      <source>Edit scan</source>
      <translation>Bildgebung bearbeiten</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="316" />
      <source>Go back and measure</source>
      <translation>Zurück und messen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="45" />
      <source>Hypo-
dense</source>
      <translation>Hypo-
dens</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="46" />
      <source>Intratumoral
nodule</source>
      <translation>Intratumoraler
Knoten</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="36" />
      <source>Lesion</source>
      <translation>Läsion</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="365" />
      <source>Lesion {0}, {1}</source>
      <translation>Läsion {0}, {1}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="218" />
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="241" />
      <source>Lesions</source>
      <translation>Läsionen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="237" />
      <source>Lesions of the previous scan ({0}) are listed: type the new measurements.</source>
      <translation>Die Läsionen der vorigen Bildgebung ({0}) sind aufgeführt: Geben Sie die neuen Messwerte ein.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="198" />
      <source>Modality</source>
      <translation>Modalität</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="44" />
      <source>New</source>
      <translation>Neu</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="39" />
      <source>Node</source>
      <translation>Lymphknoten</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="273" />
      <source>Non-target lesions</source>
      <translation>Nicht-Ziel-Läsionen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="265" />
      <source>Non-target lesions:</source>
      <translation>Nicht-Ziel-Läsionen:</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="309" />
      <source>Not all target lesions measured</source>
      <translation>Nicht alle Zielläsionen gemessen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="37" />
      <source>Organ</source>
      <translation>Organ</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="41" />
      <source>Previous
(mm)</source>
      <translation>Vorher
(mm)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="275" />
      <source>Report</source>
      <translation>Befund</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="43" />
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="54" />
      <source>SUVmax</source>
      <translation>SUVmax</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="315" />
      <source>Save anyway</source>
      <translation>Trotzdem speichern</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="197" />
      <source>Scan date</source>
      <translation>Untersuchungsdatum</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="38" />
      <source>Target</source>
      <translation>Ziel</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="53" />
      <source>density (HU)</source>
      <translation>Dichte (HU)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="50" />
      <source>lesion id</source>
      <translation>Läsions-ID</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="52" />
      <source>longest diameter (mm)</source>
      <translation>längster Durchmesser (mm)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="51" />
      <source>organ</source>
      <translation>Organ</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="196" />
      <source>radiology report (optional)</source>
      <translation>radiologischer Befund (optional)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="363" />
      <source>row {0}</source>
      <translation>Zeile {0}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="310" />
      <source>{0} not measured on this scan — save anyway?

An unmeasured lesion is not 0 mm: the scan's sum is left out of the chart and RECIST cannot assess the targets.</source>
      <translation>{0} in dieser Bildgebung nicht gemessen — trotzdem speichern?

Eine nicht gemessene Läsion ist nicht 0 mm: Die Summe dieser Bildgebung fehlt im Diagramm, und RECIST kann die Zielläsionen nicht beurteilen.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="373" />
      <source>“{0}” is not a number</source>
      <translation>„{0}“ ist keine Zahl</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <location filename="../../gistdesk/ui/settings_dialog.py" line="102" />
      <source> min</source>
      <translation> Min.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/settings_dialog.py" line="156" />
      <source>A clinic database file, or the team database as postgresql://login@server/database (never with a password: it is asked at sign-in, or comes from GISTDESK_PASSWORD or ~/.pgpass). Takes effect at the next start; empty: the default database.</source>
      <translation>Eine Klinik-Datenbankdatei oder die Team-Datenbank als postgresql://login@server/datenbank (nie mit Passwort: es wird bei der Anmeldung abgefragt oder kommt aus GISTDESK_PASSWORD oder ~/.pgpass). Gilt ab dem nächsten Start; leer: die Standard-Datenbank.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/settings_dialog.py" line="147" />
      <source>Browse…</source>
      <translation>Durchsuchen…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/settings_dialog.py" line="117" />
      <source>Clinic name (report footers):</source>
      <translation>Klinikname (Fußzeile der Berichte):</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/settings_dialog.py" line="118" />
      <source>Clinic phone:</source>
      <translation>Telefon der Klinik:</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/settings_dialog.py" line="170" />
      <source>Database at start</source>
      <translation>Datenbank beim Start</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/settings_dialog.py" line="151" />
      <source>Database at start:</source>
      <translation>Datenbank beim Start:</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/settings_dialog.py" line="121" />
      <source>Lock after idle:</source>
      <translation>Sperren nach Inaktivität:</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/settings_dialog.py" line="182" />
      <location filename="../../gistdesk/ui/settings_dialog.py" line="197" />
      <source>Not saved: {0}</source>
      <translation>Nicht gespeichert: {0}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/settings_dialog.py" line="119" />
      <source>Nurse line:</source>
      <translation>Pflegetelefon:</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/settings_dialog.py" line="120" />
      <source>Report footer:</source>
      <translation>Fußzeile der Berichte:</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/settings_dialog.py" line="87" />
      <source>Settings — gistdesk</source>
      <translation>Einstellungen — gistdesk</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/settings_dialog.py" line="92" />
      <source>These settings belong to the clinic database {0}.</source>
      <translation>Diese Einstellungen gehören zur Klinikdatenbank {0}.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/settings_dialog.py" line="142" />
      <source>This workstation</source>
      <translation>Dieser Arbeitsplatz</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/settings_dialog.py" line="145" />
      <source>the default database</source>
      <translation>die Standard-Datenbank</translation>
    </message>
  </context>
  <context>
    <name>Sex</name>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="15" />
      <source>female</source>
      <translation>weiblich</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="16" />
      <source>male</source>
      <translation>männlich</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="17" />
      <source>other</source>
      <translation>divers</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="18" />
      <source>unknown</source>
      <translation>unbekannt</translation>
    </message>
  </context>
  <context>
    <name>ShortcutsDialog</name>
    <message>
      <location filename="../../gistdesk/ui/help.py" line="78" />
      <source>Action</source>
      <translation>Aktion</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/help.py" line="69" />
      <source>Keyboard shortcuts — gistdesk</source>
      <translation>Tastenkürzel — gistdesk</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/help.py" line="78" />
      <source>Keys</source>
      <translation>Tasten</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/help.py" line="74" />
      <source>Next field</source>
      <translation>Nächstes Feld</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/help.py" line="73" />
      <source>Next lesion in the scan form (down the column)</source>
      <translation>Nächste Läsion im Bildgebungsformular (die Spalte hinunter)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/help.py" line="72" />
      <source>Save the open form</source>
      <translation>Offenes Formular speichern</translation>
    </message>
  </context>
  <context>
    <name>SideEffectForm</name>
    <message>
      <location filename="../../gistdesk/ui/forms/side_effect_form.py" line="82" />
      <source>Action</source>
      <translation>Maßnahme</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/side_effect_form.py" line="46" />
      <source>Add side effect</source>
      <translation>Nebenwirkung hinzufügen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/side_effect_form.py" line="80" />
      <source>CTCAE grade</source>
      <translation>CTCAE-Grad</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/side_effect_form.py" line="64" />
      <source>CTCAE grade: 1 mild … 5 death related to the adverse event</source>
      <translation>CTCAE-Grad: 1 leicht … 5 Tod durch das unerwünschte Ereignis</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/side_effect_form.py" line="78" />
      <source>Date</source>
      <translation>Datum</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/side_effect_form.py" line="81" />
      <source>Drug</source>
      <translation>Medikament</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/side_effect_form.py" line="46" />
      <source>Edit side effect</source>
      <translation>Nebenwirkung bearbeiten</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/side_effect_form.py" line="79" />
      <source>Term (CTCAE)</source>
      <translation>Begriff (CTCAE)</translation>
    </message>
  </context>
  <context>
    <name>SignIn</name>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="33" />
      <source>The user name or password is not right.</source>
      <translation>Benutzername oder Passwort ist nicht richtig.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="79" />
      <source>This account is locked after too many wrong passwords. Try again after {0}, or ask an administrator.</source>
      <translation>Dieses Konto ist nach zu vielen falschen Passwörtern gesperrt. Versuchen Sie es nach {0} erneut oder wenden Sie sich an einen Administrator.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="75" />
      <source>Type your user name and password.</source>
      <translation>Geben Sie Benutzername und Passwort ein.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="42" />
      <source>at least {0} characters, not the user name. A few unrelated words make a good password; do not reuse one from another system.</source>
      <translation>mindestens {0} Zeichen, nicht der Benutzername. Einige unzusammenhängende Wörter ergeben ein gutes Passwort; verwenden Sie keines aus einem anderen System.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="60" />
      <source>later</source>
      <translation>später</translation>
    </message>
  </context>
  <context>
    <name>SignInDialog</name>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="153" />
      <source>Clinic database: {0}</source>
      <translation>Klinikdatenbank: {0}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="159" />
      <source>Demo clinic (invented patients only). Sign in as {0} with the password {1}.</source>
      <translation>Demo-Klinik (nur erfundene Patienten). Anmelden als {0} mit dem Passwort {1}.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="172" />
      <source>Password</source>
      <translation>Passwort</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="175" />
      <source>Password:</source>
      <translation>Passwort:</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="180" />
      <source>Sign in</source>
      <translation>Anmelden</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="149" />
      <source>Sign in to gistdesk</source>
      <translation>Bei gistdesk anmelden</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="144" />
      <source>Sign in — gistdesk</source>
      <translation>Anmelden — gistdesk</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="169" />
      <source>User name</source>
      <translation>Benutzername</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="174" />
      <source>User name:</source>
      <translation>Benutzername:</translation>
    </message>
  </context>
  <context>
    <name>TherapyLineForm</name>
    <message>
      <location filename="../../gistdesk/ui/forms/line_form.py" line="30" />
      <source>Add therapy line</source>
      <translation>Therapielinie hinzufügen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/line_form.py" line="42" />
      <source>Drug</source>
      <translation>Medikament</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/line_form.py" line="30" />
      <source>Edit therapy line</source>
      <translation>Therapielinie bearbeiten</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/line_form.py" line="65" />
      <source>End</source>
      <translation>Ende</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/line_form.py" line="43" />
      <source>Intent</source>
      <translation>Therapieziel</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/line_form.py" line="55" />
      <source>Schedule</source>
      <translation>Schema</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/line_form.py" line="44" />
      <source>Start</source>
      <translation>Beginn</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/line_form.py" line="51" />
      <source>Starting dose</source>
      <translation>Anfangsdosis</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/line_form.py" line="66" />
      <source>Stop reason</source>
      <translation>Abbruchgrund</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/line_form.py" line="46" />
      <source>daily</source>
      <translation>täglich</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/line_form.py" line="53" />
      <source>mg/day</source>
      <translation>mg/Tag</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/line_form.py" line="40" />
      <source>open (ongoing)</source>
      <translation>offen (laufend)</translation>
    </message>
  </context>
  <context>
    <name>TimelineChart</name>
    <message>
      <location filename="../../gistdesk/ui/timeline_chart.py" line="302" />
      <source>Timeline chart</source>
      <translation>Verlaufsdiagramm</translation>
    </message>
  </context>
  <context>
    <name>UserGuideDialog</name>
    <message>
      <location filename="../../gistdesk/ui/help.py" line="59" />
      <source>The user guide is missing from this installation.</source>
      <translation>Das Benutzerhandbuch fehlt in dieser Installation.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/help.py" line="51" />
      <source>User guide — gistdesk</source>
      <translation>Benutzerhandbuch — gistdesk</translation>
    </message>
  </context>
  <context>
    <name>UsersDialog</name>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="95" />
      <source>Add a user</source>
      <translation>Benutzer hinzufügen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="103" />
      <source>Add user</source>
      <translation>Benutzer hinzufügen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="194" />
      <source>Added {0}.</source>
      <translation>{0} hinzugefügt.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="76" />
      <source>Change role</source>
      <translation>Rolle ändern</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="82" />
      <location filename="../../gistdesk/ui/users_dialog.py" line="183" />
      <source>Disable</source>
      <translation>Deaktivieren</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="105" />
      <source>Display name:</source>
      <translation>Anzeigename:</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="183" />
      <source>Enable</source>
      <translation>Aktivieren</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="145" />
      <source>Not changed: {0}</source>
      <translation>Nicht geändert: {0}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="107" />
      <source>Password:</source>
      <translation>Passwort:</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="108" />
      <source>Password: {0}</source>
      <translation>Passwort: {0}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="81" />
      <source>Reset password</source>
      <translation>Passwort zurücksetzen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="106" />
      <source>Role:</source>
      <translation>Rolle:</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="84" />
      <source>Selected user:</source>
      <translation>Ausgewählter Benutzer:</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="216" />
      <source>The password of {0} was changed.</source>
      <translation>Das Passwort von {0} wurde geändert.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="157" />
      <source>The users could not be listed: {0}</source>
      <translation>Die Benutzer konnten nicht aufgelistet werden: {0}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="104" />
      <source>User name:</source>
      <translation>Benutzername:</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="59" />
      <source>Users — gistdesk</source>
      <translation>Benutzer — gistdesk</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="41" />
      <source>active</source>
      <translation>aktiv</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="39" />
      <source>disabled</source>
      <translation>deaktiviert</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="79" />
      <source>new password</source>
      <translation>neues Passwort</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="232" />
      <source>{0} can no longer sign in.</source>
      <translation>{0} kann sich nicht mehr anmelden.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="228" />
      <source>{0} can sign in again.</source>
      <translation>{0} kann sich wieder anmelden.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="207" />
      <source>{0} is now {1}.</source>
      <translation>{0} ist jetzt {1}.</translation>
    </message>
  </context>
  <context>
    <name>Vocabulary</name>
    <message>
      <location filename="../../gistdesk/ui/forms/procedure_form.py" line="31" />
      <source>Chemoembolization (TACE)</source>
      <translation>Chemoembolisation (TACE)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="49" />
      <source>Colon</source>
      <translation>Kolon</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/procedure_form.py" line="29" />
      <source>Cryoablation</source>
      <translation>Kryoablation</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="47" />
      <source>Duodenum</source>
      <translation>Duodenum</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/procedure_form.py" line="30" />
      <source>Embolization (TAE)</source>
      <translation>Embolisation (TAE)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="51" />
      <source>Esophagus</source>
      <translation>Ösophagus</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/procedure_form.py" line="28" />
      <source>Ethanol ablation</source>
      <translation>Ethanolablation</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="52" />
      <source>Extra-GI</source>
      <translation>Extra-GI</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="48" />
      <source>Jejunum / ileum</source>
      <translation>Jejunum / Ileum</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="54" />
      <source>KIT, other</source>
      <translation>KIT, andere</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/procedure_form.py" line="27" />
      <source>Microwave ablation</source>
      <translation>Mikrowellenablation</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="58" />
      <source>NF1-related</source>
      <translation>NF1-assoziiert</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="55" />
      <source>PDGFRA exon 18, other</source>
      <translation>PDGFRA Exon 18, andere</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="56" />
      <source>PDGFRA, other</source>
      <translation>PDGFRA, andere</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/procedure_form.py" line="34" />
      <source>Radiation</source>
      <translation>Bestrahlung</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/procedure_form.py" line="32" />
      <source>Radioembolization</source>
      <translation>Radioembolisation</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/procedure_form.py" line="26" />
      <source>Radiofrequency ablation (RFA)</source>
      <translation>Radiofrequenzablation (RFA)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="50" />
      <source>Rectum</source>
      <translation>Rektum</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/procedure_form.py" line="33" />
      <source>SBRT</source>
      <translation>SBRT</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="57" />
      <source>SDH-deficient</source>
      <translation>SDH-defizient</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="46" />
      <source>Stomach</source>
      <translation>Magen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/procedure_form.py" line="25" />
      <source>Surgery</source>
      <translation>Operation</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="60" />
      <source>Unknown</source>
      <translation>Unbekannt</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="59" />
      <source>Wild type</source>
      <translation>Wildtyp</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="31" />
      <source>absent</source>
      <translation>keine</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="28" />
      <source>adjuvant</source>
      <translation>adjuvant</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="29" />
      <source>advanced</source>
      <translation>fortgeschritten</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="42" />
      <source>completed</source>
      <translation>abgeschlossen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="36" />
      <source>dose reduced</source>
      <translation>Dosis reduziert</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="37" />
      <source>held</source>
      <translation>pausiert</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="41" />
      <source>intolerance</source>
      <translation>Unverträglichkeit</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="22" />
      <source>localized</source>
      <translation>lokalisiert</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="23" />
      <source>locally advanced</source>
      <translation>lokal fortgeschritten</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="24" />
      <source>metastatic</source>
      <translation>metastasiert</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="27" />
      <source>neoadjuvant</source>
      <translation>neoadjuvant</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="35" />
      <source>none</source>
      <translation>keine</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="20" />
      <source>other</source>
      <translation>andere</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="44" />
      <source>patient choice</source>
      <translation>Wunsch des Patienten</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="32" />
      <source>present</source>
      <translation>vorhanden</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="40" />
      <source>progression</source>
      <translation>Progression</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="25" />
      <source>recurrent</source>
      <translation>rezidiviert</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="38" />
      <source>stopped</source>
      <translation>abgesetzt</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="43" />
      <source>surgery</source>
      <translation>Operation</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="33" />
      <source>unequivocal progression</source>
      <translation>eindeutige Progression</translation>
    </message>
  </context>
</TS>
