<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
  <context>
    <name>About</name>
    <message>
      <location filename="../../gistdesk/ui/about.py" line="57" />
      <source>Case records, response assessment (RECIST 1.1, Choi, PET) and decision-support flags for gastrointestinal stromal tumor clinics.</source>
      <translation>Dossiers de patients, évaluation de la réponse (RECIST 1.1, Choi, TEP) et alertes d'aide à la décision pour les consultations de tumeurs stromales gastro-intestinales.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/about.py" line="62" />
      <source>Flags are decision support for the GIST team, not orders.</source>
      <translation>Les alertes sont une aide à la décision pour l'équipe GIST, pas des prescriptions.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/about.py" line="63" />
      <source>Known simplifications</source>
      <translation>Simplifications connues</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/about.py" line="64" />
      <source>Versions</source>
      <translation>Versions</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/about.py" line="29" />
      <source>a locally treated lesion leaves the reading only when the procedure lists it</source>
      <translation>une lésion traitée localement ne sort de la lecture que si l'intervention la mentionne</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/about.py" line="33" />
      <source>a rise in PET SUV alone raises no flag (the PET response is shown beside RECIST and Choi)</source>
      <translation>une hausse du SUV en TEP seule ne déclenche aucune alerte (la réponse TEP est affichée à côté de RECIST et Choi)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/about.py" line="37" />
      <source>an unknown rupture is computed as no rupture</source>
      <translation>une rupture inconnue est comptée comme absence de rupture</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/about.py" line="20" />
      <source>no RECIST confirmation scans and no minimum duration for stable disease</source>
      <translation>pas d'examen de confirmation RECIST ni de durée minimale de maladie stable</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/about.py" line="32" />
      <source>no automatic Choi density for MRI or the low-dose CT of a PET-CT</source>
      <translation>pas de densité de Choi automatique pour l'IRM ni pour le scanner basse dose d'une TEP-TDM</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/about.py" line="26" />
      <source>one PET threshold (25%) instead of EORTC's cycle-dependent thresholds</source>
      <translation>un seul seuil TEP (25 %) au lieu des seuils de l'EORTC selon le cycle</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/about.py" line="23" />
      <source>the team's review of a scan takes the place of a confirmation scan</source>
      <translation>la revue d'un examen par l'équipe remplace un examen de confirmation</translation>
    </message>
  </context>
  <context>
    <name>App</name>
    <message>
      <location filename="../../gistdesk/ui/app.py" line="149" />
      <source>An unexpected error happened ({0} in {1}). Nothing was saved by the action that failed; your data is safe in the database.</source>
      <translation>Une erreur inattendue s'est produite ({0} dans {1}). L'action qui a échoué n'a rien enregistré ; vos données sont en sécurité dans la base.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/app.py" line="505" />
      <location filename="../../gistdesk/ui/app.py" line="577" />
      <location filename="../../gistdesk/ui/team.py" line="83" />
      <source>Cannot open the database</source>
      <translation>Impossible d'ouvrir la base de données</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/app.py" line="253" />
      <source>Checking the database after an unclean close: read only until done</source>
      <translation>Vérification de la base après une fermeture incorrecte : lecture seule jusqu'à la fin</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/app.py" line="553" />
      <source>Create an empty clinic database</source>
      <translation>Créer une base de données vide de la clinique</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/app.py" line="273" />
      <source>Database checked: no problem found</source>
      <translation>Base vérifiée : aucun problème trouvé</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/app.py" line="563" />
      <source>File exists</source>
      <translation>Le fichier existe déjà</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/app.py" line="340" />
      <location filename="../../gistdesk/ui/app.py" line="556" />
      <source>Open a gistdesk database</source>
      <translation>Ouvrir une base gistdesk</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/app.py" line="572" />
      <source>Opening the database…</source>
      <translation>Ouverture de la base de données…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/app.py" line="460" />
      <source>Restore cancelled</source>
      <translation>Restauration annulée</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/app.py" line="475" />
      <source>Restored {0}: sign in again</source>
      <translation>{0} restaurée : reconnectez-vous</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/app.py" line="455" />
      <source>Restoring the backup…</source>
      <translation>Restauration de la sauvegarde…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/app.py" line="148" />
      <source>Something went wrong</source>
      <translation>Une erreur s'est produite</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/app.py" line="428" />
      <source>The automatic backup was not made</source>
      <translation>La sauvegarde automatique n'a pas été faite</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/app.py" line="469" />
      <source>The backup was not restored</source>
      <translation>La sauvegarde n'a pas été restaurée</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/app.py" line="461" />
      <source>The backup was not restored; the database is unchanged. Sign in again to go on.</source>
      <translation>La sauvegarde n’a pas été restaurée ; la base de données est inchangée. Reconnectez-vous pour continuer.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/app.py" line="261" />
      <source>The database is damaged</source>
      <translation>La base de données est endommagée</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/app.py" line="262" />
      <source>The integrity check of the database failed. gistdesk shows what it can read but will not save changes. Restore a backup before going on.</source>
      <translation>La vérification d'intégrité de la base a échoué. gistdesk affiche ce qu'il peut lire mais n'enregistre aucune modification. Restaurez une sauvegarde avant de continuer.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/app.py" line="154" />
      <source>What failed: {0} in {1}

A technical log (without patient data) was written to:
{2}
Time: {3}</source>
      <translation>Échec : {0} dans {1}

Un journal technique (sans données patient) a été écrit dans :
{2}
Heure : {3}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/app.py" line="258" />
      <source>database damaged: read only</source>
      <translation>base endommagée : lecture seule</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/app.py" line="429" />
      <source>gistdesk closes normally; your data is safe in the database. Make a backup with Tools &gt; Backups… next time.</source>
      <translation>gistdesk se ferme normalement ; vos données sont en sécurité dans la base. Faites une sauvegarde la prochaine fois avec Outils &gt; Sauvegardes….</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/app.py" line="564" />
      <source>{0} already exists; choose a new name.</source>
      <translation>{0} existe déjà ; choisissez un autre nom.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/app.py" line="506" />
      <location filename="../../gistdesk/ui/app.py" line="578" />
      <location filename="../../gistdesk/ui/team.py" line="84" />
      <source>{0} could not be opened.</source>
      <translation>{0} n'a pas pu être ouvert.</translation>
    </message>
  </context>
  <context>
    <name>AuditDialog</name>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="45" />
      <source>Action</source>
      <translation>Action</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="141" />
      <source>Audit log — gistdesk</source>
      <translation>Journal d'audit — gistdesk</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="271" />
      <source>Entries {0}–{1}, newest first</source>
      <translation>Entrées {0}–{1}, les plus récentes d'abord</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="269" />
      <source>Entries {0}–{1}, newest first (more on the next page)</source>
      <translation>Entrées {0}–{1}, les plus récentes d'abord (suite à la page suivante)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="47" />
      <source>Field</source>
      <translation>Champ</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="219" />
      <source>From</source>
      <translation>Du</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="162" />
      <source>From:</source>
      <translation>Du :</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="49" />
      <source>New value</source>
      <translation>Nouvelle valeur</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="48" />
      <source>Old value</source>
      <translation>Ancienne valeur</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="203" />
      <source>Older ▶</source>
      <translation>Plus anciennes ▶</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="44" />
      <source>Record</source>
      <translation>Dossier</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="161" />
      <source>Record number:</source>
      <translation>N° de dossier :</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="170" />
      <source>Show</source>
      <translation>Afficher</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="260" />
      <source>The audit log could not be read: {0}</source>
      <translation>Le journal d'audit n'a pas pu être lu : {0}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="42" />
      <source>Time</source>
      <translation>Heure</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="219" />
      <source>To</source>
      <translation>Au</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="163" />
      <source>To:</source>
      <translation>Au :</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="43" />
      <source>User</source>
      <translation>Utilisateur</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="160" />
      <source>User:</source>
      <translation>Utilisateur :</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="46" />
      <source>What</source>
      <translation>Objet</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="152" />
      <source>all patients</source>
      <translation>tous les patients</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="149" />
      <source>any user</source>
      <translation>tous les utilisateurs</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="228" />
      <source>{0}: not a date ({1}); type e.g. 2024-03-05</source>
      <translation>{0} : pas une date ({1}) ; saisissez par ex. 2024-03-05</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="201" />
      <source>◀ Newer</source>
      <translation>◀ Plus récentes</translation>
    </message>
  </context>
  <context>
    <name>BackgroundOp</name>
    <message>
      <location filename="../../gistdesk/ui/background.py" line="247" />
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/background.py" line="258" />
      <source>Cancelling…</source>
      <translation>Annulation…</translation>
    </message>
  </context>
  <context>
    <name>BackupsDialog</name>
    <message>
      <location filename="../../gistdesk/ui/backups_dialog.py" line="145" />
      <source>Back up now</source>
      <translation>Sauvegarder maintenant</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/backups_dialog.py" line="200" />
      <source>Backup written: {0}</source>
      <translation>Sauvegarde écrite : {0}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/backups_dialog.py" line="117" />
      <source>Backups — gistdesk</source>
      <translation>Sauvegardes — gistdesk</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/backups_dialog.py" line="217" />
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/backups_dialog.py" line="121" />
      <source>Copies of the clinic database, newest first. A backup is made when gistdesk closes and before every restore.</source>
      <translation>Copies de la base de la clinique, les plus récentes d'abord. Une sauvegarde est faite à la fermeture de gistdesk et avant chaque restauration.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/backups_dialog.py" line="190" />
      <source>Making a backup…</source>
      <translation>Sauvegarde en cours…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/backups_dialog.py" line="210" />
      <source>Replace the clinic database with the backup {0} of {1} ({2})?

Everything saved after that time is replaced (a backup of the current database is made first). gistdesk reopens the database and everyone signs in again.</source>
      <translation>Remplacer la base de la clinique par la sauvegarde {0} du {1} ({2}) ?

Tout ce qui a été enregistré après ce moment est remplacé (la base actuelle est d'abord sauvegardée). gistdesk rouvre la base et chacun se reconnecte.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/backups_dialog.py" line="209" />
      <source>Restore a backup</source>
      <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/backups_dialog.py" line="216" />
      <source>Restore this backup</source>
      <translation>Restaurer cette sauvegarde</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/backups_dialog.py" line="147" />
      <source>Restore…</source>
      <translation>Restaurer…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/backups_dialog.py" line="195" />
      <source>The backup was cancelled; nothing was written.</source>
      <translation>La sauvegarde a été annulée ; rien n’a été écrit.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/backups_dialog.py" line="198" />
      <source>The backup was not made</source>
      <translation>La sauvegarde n'a pas été faite</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/backups_dialog.py" line="166" />
      <source>The backups could not be listed: {0}</source>
      <translation>Les sauvegardes n'ont pas pu être listées : {0}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/backups_dialog.py" line="47" />
      <source>automatic</source>
      <translation>automatique</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/backups_dialog.py" line="48" />
      <source>backup</source>
      <translation>sauvegarde</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/backups_dialog.py" line="49" />
      <source>before a restore</source>
      <translation>avant restauration</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/backups_dialog.py" line="45" />
      <source>manual</source>
      <translation>manuelle</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/backups_dialog.py" line="46" />
      <source>on close</source>
      <translation>à la fermeture</translation>
    </message>
  </context>
  <context>
    <name>CaseForm</name>
    <message>
      <location filename="../../gistdesk/ui/forms/base.py" line="420" />
      <source>Discard</source>
      <translation>Abandonner</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/base.py" line="421" />
      <source>Keep editing</source>
      <translation>Continuer la saisie</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/base.py" line="377" />
      <source>Not saved, and the patient could not be reloaded ({0}).</source>
      <translation>Non enregistré, et le patient n’a pas pu être rechargé ({0}).</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/base.py" line="292" />
      <source>Not saved. Please correct:</source>
      <translation>Non enregistré. Veuillez corriger :</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/base.py" line="398" />
      <source>Not saved. Your entries are kept.</source>
      <translation>Non enregistré. Vos saisies sont conservées.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/base.py" line="348" />
      <source>Not saved: the database refused the change ({0}). Your entries are kept.</source>
      <translation>Non enregistré : la base de données a refusé la modification ({0}). Vos saisies sont conservées.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/base.py" line="386" />
      <source>Reloaded: your entries now apply to the patient as it is. Check them and press Save again.</source>
      <translation>Rechargé : vos saisies s’appliquent maintenant au dossier tel qu’il est. Vérifiez-les et enregistrez de nouveau.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/base.py" line="108" />
      <source>Save (Ctrl+Enter)</source>
      <translation>Enregistrer (Ctrl+Entrée)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/base.py" line="417" />
      <source>This form has changes that are not saved. Discard them?</source>
      <translation>Ce formulaire contient des modifications non enregistrées. Les abandonner ?</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/base.py" line="416" />
      <source>Unsaved changes</source>
      <translation>Modifications non enregistrées</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/base.py" line="337" />
      <source>{0} is already another patient's record number</source>
      <translation>{0} est déjà le numéro de dossier d'un autre patient</translation>
    </message>
  </context>
  <context>
    <name>ChangePasswordDialog</name>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="269" />
      <source>Change my password — gistdesk</source>
      <translation>Changer mon mot de passe — gistdesk</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="289" />
      <source>Change password</source>
      <translation>Changer le mot de passe</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="281" />
      <source>Current password:</source>
      <translation>Mot de passe actuel :</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="283" />
      <source>New password again:</source>
      <translation>Nouveau mot de passe (répéter) :</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="282" />
      <source>New password:</source>
      <translation>Nouveau mot de passe :</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="285" />
      <location filename="../../gistdesk/ui/signin.py" line="304" />
      <source>New password: {0}</source>
      <translation>Nouveau mot de passe : {0}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="275" />
      <source>Signed in as {0}</source>
      <translation>Connecté en tant que {0}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="315" />
      <source>The current password is not right; nothing was changed.</source>
      <translation>Le mot de passe actuel n'est pas correct ; rien n'a été modifié.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="318" />
      <source>The password was not changed: {0}</source>
      <translation>Le mot de passe n'a pas été modifié : {0}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="300" />
      <source>The two new passwords are not the same.</source>
      <translation>Les deux nouveaux mots de passe ne sont pas identiques.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="307" />
      <source>Too many wrong passwords: this account is locked until {0}. The window is locked.</source>
      <translation>Trop de mots de passe erronés : ce compte est bloqué jusqu’à {0}. La fenêtre est verrouillée.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="297" />
      <source>Type your current password.</source>
      <translation>Saisissez votre mot de passe actuel.</translation>
    </message>
  </context>
  <context>
    <name>ConflictDialog</name>
    <message>
      <location filename="../../gistdesk/ui/conflict_dialog.py" line="110" />
      <source>Back to my form</source>
      <translation>Retour à mon formulaire</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/conflict_dialog.py" line="148" />
      <source>Not changed: the patient was changed</source>
      <translation>Non modifié : le dossier a changé entre-temps</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/conflict_dialog.py" line="71" />
      <source>Not saved: the patient was changed</source>
      <translation>Non enregistré : le dossier a changé entre-temps</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/conflict_dialog.py" line="87" />
      <source>Nothing of yours was saved and your entries are kept. Reload the patient to apply your entries to it as it is now, check them, and save again.</source>
      <translation>Rien de vos saisies n’a été enregistré et elles sont conservées. Rechargez le patient pour appliquer vos saisies au dossier tel qu’il est, vérifiez-les et enregistrez de nouveau.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/conflict_dialog.py" line="93" />
      <source>Nothing of yours was saved and your entries are kept. The patient cannot be reloaded; copy what you need before closing the form.</source>
      <translation>Rien de vos saisies n’a été enregistré et elles sont conservées. Le patient ne peut pas être rechargé ; reprenez ce dont vous avez besoin avant de fermer le formulaire.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/conflict_dialog.py" line="105" />
      <source>Reload and re-apply my entries</source>
      <translation>Recharger et réappliquer mes saisies</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/conflict_dialog.py" line="84" />
      <source>Their changes:</source>
      <translation>Leurs modifications :</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/conflict_dialog.py" line="52" />
      <source>someone else</source>
      <translation>quelqu’un d’autre</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/conflict_dialog.py" line="59" />
      <source>{0} changed patient {1} ({2}) while your form was open.</source>
      <translation>{0} a modifié le patient {1} ({2}) pendant que votre formulaire était ouvert.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/conflict_dialog.py" line="55" />
      <source>{0} deleted patient {1} ({2}) while your form was open.</source>
      <translation>{0} a supprimé le patient {1} ({2}) pendant que votre formulaire était ouvert.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/conflict_dialog.py" line="57" />
      <source>{0} deleted patient {1} and entered the number again ({2}).</source>
      <translation>{0} a supprimé le patient {1} puis saisi ce numéro à nouveau ({2}).</translation>
    </message>
  </context>
  <context>
    <name>Controller</name>
    <message>
      <location filename="../../gistdesk/ui/controller.py" line="162" />
      <source>Deleting…</source>
      <translation>Suppression…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/controller.py" line="98" />
      <source>Opening…</source>
      <translation>Ouverture…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/controller.py" line="136" />
      <location filename="../../gistdesk/ui/controller.py" line="151" />
      <source>Saving…</source>
      <translation>Enregistrement…</translation>
    </message>
  </context>
  <context>
    <name>CreateAdminDialog</name>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="233" />
      <source>Create account</source>
      <translation>Créer le compte</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="204" />
      <source>Create the administrator account — gistdesk</source>
      <translation>Créer le compte administrateur — gistdesk</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="225" />
      <source>Display name:</source>
      <translation>Nom affiché :</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="227" />
      <source>Password again:</source>
      <translation>Confirmer le mot de passe :</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="226" />
      <source>Password:</source>
      <translation>Mot de passe :</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="229" />
      <location filename="../../gistdesk/ui/signin.py" line="252" />
      <source>Password: {0}</source>
      <translation>Mot de passe : {0}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="255" />
      <source>The account was not created: {0}</source>
      <translation>Le compte n'a pas été créé : {0}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="244" />
      <source>The two passwords are not the same.</source>
      <translation>Les deux mots de passe ne sont pas identiques.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="209" />
      <source>This clinic database has no users yet. Create the administrator account: the administrator adds the clinicians, nurses and other users, and restores backups.</source>
      <translation>Cette base de la clinique n'a pas encore d'utilisateurs. Créez le compte administrateur : l'administrateur ajoute les médecins, le personnel infirmier et les autres utilisateurs, et restaure les sauvegardes.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="224" />
      <source>User name:</source>
      <translation>Nom d'utilisateur :</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="241" />
      <source>User name: type a user name.</source>
      <translation>Nom d'utilisateur : saisissez un nom d'utilisateur.</translation>
    </message>
  </context>
  <context>
    <name>DatabaseChoice</name>
    <message>
      <location filename="../../gistdesk/ui/database_choice.py" line="74" />
      <source>Give the database file's full path (or use Browse…).</source>
      <translation>Indiquez le chemin complet du fichier de base de données (ou utilisez « Parcourir… »).</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/database_choice.py" line="67" />
      <source>Only postgresql:// addresses can be opened (or a database file).</source>
      <translation>Seules les adresses postgresql:// peuvent être ouvertes (ou un fichier de base de données).</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/database_choice.py" line="57" />
      <source>The address holds a password; it is never stored. Remove it: the password is asked at sign-in, or comes from GISTDESK_PASSWORD or ~/.pgpass.</source>
      <translation>L’adresse contient un mot de passe ; un mot de passe n’est jamais enregistré. Retirez-le : il est demandé à la connexion, ou vient de GISTDESK_PASSWORD ou de ~/.pgpass.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/database_choice.py" line="86" />
      <source>The folder {0} does not exist.</source>
      <translation>Le dossier {0} n’existe pas.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/database_choice.py" line="51" />
      <source>The team database address cannot be read: {0}</source>
      <translation>L’adresse de la base de données d’équipe est illisible : {0}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/database_choice.py" line="41" />
      <source>The team database is not available in this build of gistdesk.</source>
      <translation>La base de données d’équipe n’est pas disponible dans cette version de gistdesk.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/database_choice.py" line="33" />
      <source>This is not a database file or address.</source>
      <translation>Ce n’est ni un fichier de base de données ni une adresse de base de données.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/database_choice.py" line="80" />
      <source>{0} is a folder, not a database file.</source>
      <translation>{0} est un dossier, pas un fichier de base de données.</translation>
    </message>
  </context>
  <context>
    <name>DateField</name>
    <message>
      <location filename="../../gistdesk/ui/forms/fields.py" line="66" />
      <source>Type a date: 2024-03-05, 20240305, 5.3.2024, or t for today</source>
      <translation>Saisir une date : 2024-03-05, 20240305, 5.3.2024, ou t pour aujourd'hui</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/audit_view.py" line="155" />
      <location filename="../../gistdesk/ui/audit_view.py" line="158" />
      <source>YYYY-MM-DD</source>
      <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/fields.py" line="65" />
      <source>e.g. 2024-03-05 or 5.3.2024</source>
      <translation>p. ex. 2024-03-05 ou 5.3.2024</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/fields.py" line="80" />
      <source>“{0}” is not a date (type e.g. 2024-03-05, 20240305, 5.3.2024 or t)</source>
      <translation>« {0} » n’est pas une date (saisir p. ex. 2024-03-05, 20240305, 5.3.2024 ou t)</translation>
    </message>
  </context>
  <context>
    <name>Dialogs</name>
    <message>
      <location filename="../../gistdesk/ui/dialogs.py" line="122" />
      <source>Create empty clinic</source>
      <translation>Créer une base vide</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/dialogs.py" line="37" />
      <source>Discard</source>
      <translation>Abandonner</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/dialogs.py" line="159" />
      <source>Discard the changes</source>
      <translation>Abandonner les modifications</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/dialogs.py" line="38" />
      <source>Keep editing</source>
      <translation>Continuer la saisie</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/dialogs.py" line="157" />
      <source>Keep the form</source>
      <translation>Garder le formulaire</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/dialogs.py" line="114" />
      <source>No clinic database was found.</source>
      <translation>Aucune base de données de la clinique n'a été trouvée.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/dialogs.py" line="123" />
      <source>Open demo</source>
      <translation>Ouvrir la démo</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/dialogs.py" line="125" />
      <source>Open existing…</source>
      <translation>Ouvrir une base existante…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/dialogs.py" line="126" />
      <source>Quit</source>
      <translation>Quitter</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/dialogs.py" line="152" />
      <source>The previous user</source>
      <translation>L'utilisateur précédent</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/dialogs.py" line="146" />
      <source>Unsaved form of another user</source>
      <translation>Formulaire non enregistré d'un autre utilisateur</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/dialogs.py" line="113" />
      <source>Welcome to gistdesk</source>
      <translation>Bienvenue dans gistdesk</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/dialogs.py" line="116" />
      <source>gistdesk can create an empty clinic database at
{0}
or open the demo database (invented patients, for trying the app out).</source>
      <translation>gistdesk peut créer une base de données vide de la clinique dans
{0}
ou ouvrir la base de démonstration (patients fictifs, pour essayer l'application).</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/dialogs.py" line="74" />
      <source>gistdesk database (*.sqlite *.db);;All files (*)</source>
      <translation>Base gistdesk (*.sqlite *.db);;Tous les fichiers (*)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/dialogs.py" line="147" />
      <source>{0} left a form with changes that are not saved.

{1}, do you want to keep the form open (you then check and save it yourself, under your name) or discard those changes?</source>
      <translation>{0} a laissé un formulaire avec des modifications non enregistrées.

{1}, voulez-vous garder le formulaire ouvert (vous le vérifiez et l'enregistrez alors vous-même, sous votre nom) ou abandonner ces modifications ?</translation>
    </message>
  </context>
  <context>
    <name>DoseChangeForm</name>
    <message>
      <location filename="../../gistdesk/ui/forms/dose_form.py" line="38" />
      <source>0 = treatment held? A dose of 0 mg/day records a pause of the treatment; it is shown as “held” in the lists and the chart.</source>
      <translation>0 = traitement suspendu ? Une dose de 0 mg/jour enregistre une pause du traitement ; les listes et le graphique l’affichent comme « held » (suspendu).</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/dose_form.py" line="37" />
      <source>0 mg/day</source>
      <translation>0 mg/jour</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/dose_form.py" line="88" />
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/dose_form.py" line="91" />
      <source>Dose</source>
      <translation>Dose</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/dose_form.py" line="62" />
      <source>Edit dose change</source>
      <translation>Modifier le changement de dose</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/dose_form.py" line="44" />
      <source>No, correct the dose</source>
      <translation>Non, corriger la dose</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/dose_form.py" line="62" />
      <source>Record a dose change</source>
      <translation>Saisir un changement de dose</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/dose_form.py" line="96" />
      <source>Schedule</source>
      <translation>Schéma</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/dose_form.py" line="82" />
      <source>Therapy line:</source>
      <translation>Ligne de traitement :</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/dose_form.py" line="43" />
      <source>Yes, treatment held</source>
      <translation>Oui, traitement suspendu</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/dose_form.py" line="71" />
      <location filename="../../gistdesk/ui/forms/dose_form.py" line="81" />
      <source>daily</source>
      <translation>quotidien</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/dose_form.py" line="93" />
      <source>mg/day</source>
      <translation>mg/jour</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/dose_form.py" line="22" />
      <source>ongoing</source>
      <translation>en cours</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/dose_form.py" line="80" />
      <source>was {0}</source>
      <translation>avant {0}</translation>
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
      <translation>est obligatoire</translation>
    </message>
  </context>
  <context>
    <name>Flags</name>
    <message>
      <location filename="../../gistdesk/ui/text.py" line="54" />
      <source>Adjuvant imatinib shorter than advised</source>
      <translation>Imatinib adjuvant plus court que recommandé</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/text.py" line="53" />
      <source>Imatinib in SDH/NF1/wild-type GIST</source>
      <translation>Imatinib dans un GIST SDH/NF1/sauvage</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/text.py" line="52" />
      <source>KIT exon 9 below 800 mg imatinib</source>
      <translation>KIT exon 9 sous 800 mg d'imatinib</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/text.py" line="49" />
      <source>PDGFRA D842V on a drug it resists</source>
      <translation>PDGFRA D842V sous un médicament inefficace</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/text.py" line="47" />
      <source>Possible false progression</source>
      <translation>Pseudo-progression possible</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/text.py" line="46" />
      <source>Possible progression</source>
      <translation>Progression possible</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/text.py" line="48" />
      <source>Possible recurrence</source>
      <translation>Récidive possible</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/text.py" line="55" />
      <source>Scan overdue</source>
      <translation>Examen en retard</translation>
    </message>
  </context>
  <context>
    <name>FlagsPanel</name>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="78" />
      <source>Adjuvant therapy (days)</source>
      <translation>Traitement adjuvant (jours)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="550" />
      <source>Adjuvant therapy ends on {0} (in {1} days): on the Adjuvant ending worklist.</source>
      <translation>Le traitement adjuvant se termine le {0} (dans {1} jours) : sur la liste de travail « Fin d'adjuvant ».</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="93" />
      <source>Advised duration (days)</source>
      <translation>Durée conseillée (jours)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="149" />
      <source>Awaiting the team’s review</source>
      <translation>En attente de l’évaluation de l’équipe</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="219" />
      <source>Basis:</source>
      <translation>Fondement :</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="79" />
      <source>Before surgery (days)</source>
      <translation>Avant la chirurgie (jours)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="81" />
      <source>Change vs baseline</source>
      <translation>Variation par rapport à la référence</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="82" />
      <source>Change vs nadir</source>
      <translation>Variation par rapport au nadir</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="75" />
      <source>Change vs reference</source>
      <translation>Variation par rapport à la référence</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="206" />
      <source>Criteria:</source>
      <translation>Critères :</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="89" />
      <source>Days</source>
      <translation>Jours</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="90" />
      <source>Days on this line</source>
      <translation>Jours sur cette ligne</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="91" />
      <source>Days since the last scan</source>
      <translation>Jours depuis le dernier examen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="83" />
      <source>Density change</source>
      <translation>Variation de densité</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="85" />
      <source>Density change vs nadir</source>
      <translation>Variation de densité par rapport au nadir</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="94" />
      <source>Dose</source>
      <translation>Dose</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="209" />
      <source>Extent:</source>
      <translation>Étendue :</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="492" />
      <location filename="../../gistdesk/ui/flags_panel.py" line="507" />
      <location filename="../../gistdesk/ui/flags_panel.py" line="571" />
      <source>Flags</source>
      <translation>Alertes</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="571" />
      <source>Flags ({0} open)</source>
      <translation>Alertes ({0} ouvertes)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="536" />
      <source>Flags support the GIST team's review; they are not orders.</source>
      <translation>Les alertes aident l'équipe GIST à évaluer ; ce ne sont pas des prescriptions.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="71" />
      <source>Nadir scan</source>
      <translation>Examen du nadir</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="80" />
      <source>Next scan due</source>
      <translation>Prochain examen prévu</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="532" />
      <location filename="../../gistdesk/ui/flags_panel.py" line="575" />
      <source>No flags: nothing for the team to review.</source>
      <translation>Aucune alerte : rien à revoir pour l'équipe.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="234" />
      <source>Options to discuss:</source>
      <translation>Options à discuter :</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="153" />
      <source>Re-image requested</source>
      <translation>Nouvel examen demandé</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="73" />
      <source>Reference scan</source>
      <translation>Examen de référence</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="210" />
      <source>Resistance:</source>
      <translation>Résistance :</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="153" />
      <source>Reviewed</source>
      <translation>Évalué</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="578" />
      <source>Reviewed ({0})</source>
      <translation>Évaluées ({0})</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="88" />
      <source>SUVmax change</source>
      <translation>Variation du SUVmax</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="92" />
      <source>Scan interval (days)</source>
      <translation>Intervalle entre examens (jours)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="317" />
      <source>Select to show its scan</source>
      <translation>Sélectionner pour afficher l'examen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="70" />
      <source>Smallest sum (nadir)</source>
      <translation>Plus petite somme (nadir)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="241" />
      <source>Source:</source>
      <translation>Source :</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="69" />
      <source>Sum at baseline</source>
      <translation>Somme initiale</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="72" />
      <source>Sum at the reference scan</source>
      <translation>Somme à l’examen de référence</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="68" />
      <source>Sum of target diameters</source>
      <translation>Somme des diamètres cibles</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="223" />
      <source>early on the first TKI line (when false progression is most common)</source>
      <translation>tôt dans la première ligne de TKI (quand la pseudo-progression est la plus fréquente)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="216" />
      <source>off therapy</source>
      <translation>sans traitement</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/flags_panel.py" line="191" />
      <source>scan {0}</source>
      <translation>examen {0}</translation>
    </message>
  </context>
  <context>
    <name>Language</name>
    <message>
      <location filename="../../gistdesk/ui/i18n.py" line="106" />
      <source>&amp;Language</source>
      <translation>&amp;Langue</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/i18n.py" line="119" />
      <source>Applies at the next start of gistdesk</source>
      <translation>Prend effet au prochain démarrage de gistdesk</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/i18n.py" line="129" />
      <source>Language set to {0}. It applies at the next start of gistdesk.</source>
      <translation>Langue réglée sur {0}. Elle prend effet au prochain démarrage de gistdesk.</translation>
    </message>
  </context>
  <context>
    <name>LiveRefresh</name>
    <message>
      <location filename="../../gistdesk/ui/live_refresh.py" line="59" />
      <source>Also open for editing: {0}</source>
      <translation>Également ouvert en modification : {0}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/live_refresh.py" line="148" />
      <source>Patient {0} was changed by {1}; showing the saved version.</source>
      <translation>Le patient {0} a été modifié par {1} ; la version enregistrée est affichée.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/live_refresh.py" line="145" />
      <source>Patient {0} was deleted by {1}.</source>
      <translation>Le patient {0} a été supprimé par {1}.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/live_refresh.py" line="162" />
      <source>Your form is kept as it is; when you save, you are asked how to go on if your entries meet the change.</source>
      <translation>Votre formulaire reste tel quel ; à l’enregistrement, on vous demandera comment continuer si vos saisies rencontrent la modification.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/live_refresh.py" line="143" />
      <source>someone else</source>
      <translation>quelqu’un d’autre</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/live_refresh.py" line="52" />
      <source>{0} on {1} since {2}</source>
      <translation>{0} sur {1} depuis {2}</translation>
    </message>
  </context>
  <context>
    <name>LockScreen</name>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="404" />
      <source>Another user can sign in here. Unsaved work of {0} is kept until they decide.</source>
      <translation>Un autre utilisateur peut se connecter ici. Le travail non enregistré de {0} est conservé jusqu'à décision.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="397" />
      <source>Locked at {0} for {1}. Patient data is hidden. Type your password to go on, or switch user.</source>
      <translation>Verrouillé à {0} pour {1}. Les données patient sont masquées. Saisissez votre mot de passe pour continuer, ou changez d'utilisateur.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="362" />
      <source>Password</source>
      <translation>Mot de passe</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="365" />
      <source>Password:</source>
      <translation>Mot de passe :</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="409" />
      <source>Sign in to go on.</source>
      <translation>Connectez-vous pour continuer.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="370" />
      <source>Switch user…</source>
      <translation>Changer d'utilisateur…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="372" />
      <source>Unlock</source>
      <translation>Déverrouiller</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="359" />
      <source>User name</source>
      <translation>Nom d'utilisateur</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="364" />
      <source>User name:</source>
      <translation>Nom d'utilisateur :</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="349" />
      <source>gistdesk is locked</source>
      <translation>gistdesk est verrouillé</translation>
    </message>
  </context>
  <context>
    <name>LongWork</name>
    <message>
      <location filename="../../gistdesk/ui/long_work.py" line="59" />
      <source>Case files (*.json);;All files (*)</source>
      <translation>Fichiers de cas (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/long_work.py" line="88" />
      <source>Case files imported</source>
      <translation>Fichiers de cas importés</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/long_work.py" line="148" />
      <source>Export all patients to a folder</source>
      <translation>Exporter tous les patients dans un dossier</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/long_work.py" line="165" />
      <source>Export cancelled</source>
      <translation>Export annulé</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/long_work.py" line="161" />
      <source>Exporting all patients…</source>
      <translation>Export de tous les patients…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/long_work.py" line="99" />
      <source>Import a patient list</source>
      <translation>Importer une liste de patients</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/long_work.py" line="75" />
      <location filename="../../gistdesk/ui/long_work.py" line="131" />
      <source>Import cancelled</source>
      <translation>Import annulé</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/long_work.py" line="58" />
      <source>Import case files</source>
      <translation>Importer des fichiers de cas</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/long_work.py" line="70" />
      <source>Importing case files…</source>
      <translation>Import des fichiers de cas…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/long_work.py" line="128" />
      <source>Importing the patient list…</source>
      <translation>Import de la liste de patients…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/long_work.py" line="166" />
      <source>No file was left behind in {0}.</source>
      <translation>Aucun fichier n’a été laissé dans {0}.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/long_work.py" line="131" />
      <source>Nothing was imported.</source>
      <translation>Rien n’a été importé.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/long_work.py" line="138" />
      <source>Patient list imported</source>
      <translation>Liste de patients importée</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/long_work.py" line="100" />
      <source>Patient lists (*.csv *.txt);;All files (*)</source>
      <translation>Listes de patients (*.csv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/long_work.py" line="174" />
      <source>Patients exported</source>
      <translation>Patients exportés</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/long_work.py" line="83" />
      <source>The case files were not imported</source>
      <translation>Les fichiers de cas n’ont pas été importés</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/long_work.py" line="135" />
      <source>The patient list was not imported</source>
      <translation>La liste de patients n’a pas été importée</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/long_work.py" line="170" />
      <source>The patients were not exported</source>
      <translation>Les patients n’ont pas été exportés</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/long_work.py" line="175" />
      <source>{0} case file(s) written to {1}.</source>
      <translation>{0} fichier(s) de cas écrit(s) dans {1}.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/long_work.py" line="89" />
      <source>{0} file(s) imported, {1} refused.</source>
      <translation>{0} fichier(s) importé(s), {1} refusé(s).</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/long_work.py" line="76" />
      <source>{0} of {1} file(s) were imported, each whole; the others were not read.</source>
      <translation>{0} fichier(s) sur {1} ont été importés, chacun en entier ; les autres n’ont pas été lus.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/long_work.py" line="124" />
      <source>… and {0} more refused row(s)</source>
      <translation>… et {0} autre(s) ligne(s) refusée(s)</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="449" />
      <source>&amp;About gistdesk</source>
      <translation>À &amp;propos de gistdesk</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="408" />
      <source>&amp;Audit log…</source>
      <translation>&amp;Journal d'audit…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="422" />
      <source>&amp;Backups…</source>
      <translation>&amp;Sauvegardes…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="357" />
      <source>&amp;Delete patient…</source>
      <translation>&amp;Supprimer le patient…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="211" />
      <source>&amp;Edit patient and tumor…</source>
      <translation>&amp;Modifier patient et tumeur…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="460" />
      <source>&amp;File</source>
      <translation>&amp;Fichier</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="367" />
      <source>&amp;Find patient</source>
      <translation>&amp;Rechercher un patient</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="526" />
      <source>&amp;Help</source>
      <translation>&amp;Aide</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="167" />
      <source>&amp;Import case files…</source>
      <translation>&amp;Importer des fichiers de cas…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="443" />
      <source>&amp;Keyboard shortcuts</source>
      <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="187" />
      <source>&amp;Lock now</source>
      <translation>&amp;Verrouiller maintenant</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="118" />
      <source>&amp;New patient…</source>
      <translation>&amp;Nouveau patient…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="126" />
      <source>&amp;Open database…</source>
      <translation>&amp;Ouvrir une base…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="483" />
      <source>&amp;Patient</source>
      <translation>&amp;Patient</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="203" />
      <source>&amp;Quit</source>
      <translation>&amp;Quitter</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="373" />
      <source>&amp;Refresh</source>
      <translation>&amp;Actualiser</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="292" />
      <source>&amp;Review flag…</source>
      <translation>&amp;Évaluer l’alerte…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="429" />
      <source>&amp;Settings…</source>
      <translation>&amp;Paramètres…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="523" />
      <source>&amp;Tools</source>
      <translation>&amp;Outils</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="155" />
      <source>&amp;Tumor board sheet…</source>
      <translation>Fiche de &amp;RCP…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="437" />
      <source>&amp;User guide</source>
      <translation>&amp;Guide d’utilisation</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="415" />
      <source>&amp;Users…</source>
      <translation>&amp;Utilisateurs…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="510" />
      <source>&amp;View</source>
      <translation>A&amp;ffichage</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window.py" line="698" />
      <source>A form with changes that are not saved is kept behind the lock. Quit and discard it?</source>
      <translation>Un formulaire avec des modifications non enregistrées est conservé derrière le verrouillage. Quitter et l'abandonner ?</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window.py" line="483" />
      <source>About gistdesk</source>
      <translation>À propos de gistdesk</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window.py" line="618" />
      <source>Account locked</source>
      <translation>Compte bloqué</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="238" />
      <source>Add &amp;dose change…</source>
      <translation>Nouvelle &amp;dose…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="303" />
      <source>Add &amp;procedure…</source>
      <translation>Nouvelle &amp;intervention…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="265" />
      <source>Add &amp;scan…</source>
      <translation>Nouvel &amp;examen…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="330" />
      <source>Add side &amp;effect…</source>
      <translation>Nouvel &amp;effet indésirable…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="220" />
      <source>Add therapy &amp;line…</source>
      <translation>Nouvelle &amp;ligne de traitement…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window_view.py" line="56" />
      <source>Adjuvant ending</source>
      <translation>Fin d'adjuvant</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window_view.py" line="53" />
      <source>All</source>
      <translation>Tous</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="399" />
      <source>Audit log of this &amp;patient…</source>
      <translation>Journal d'audit de ce &amp;patient…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window.py" line="396" />
      <source>Cannot open the patient</source>
      <translation>Impossible d'ouvrir le patient</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="197" />
      <source>Change my &amp;password…</source>
      <translation>Changer mon mot de &amp;passe…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="132" />
      <source>Create empty &amp;clinic database…</source>
      <translation>Créer une base &amp;vide…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window.py" line="654" />
      <source>Database: {0}</source>
      <translation>Base : {0}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/edits.py" line="218" />
      <source>Delete dose change</source>
      <translation>Supprimer le changement de dose</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="256" />
      <source>Delete dose change…</source>
      <translation>Supprimer le changement de dose…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/edits.py" line="307" />
      <location filename="../../gistdesk/ui/edits.py" line="312" />
      <source>Delete patient</source>
      <translation>Supprimer le patient</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/edits.py" line="259" />
      <source>Delete procedure</source>
      <translation>Supprimer l'intervention</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="321" />
      <source>Delete procedure…</source>
      <translation>Supprimer l'intervention…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/edits.py" line="178" />
      <source>Delete scan</source>
      <translation>Supprimer l'examen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="283" />
      <source>Delete scan…</source>
      <translation>Supprimer l'examen…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/edits.py" line="290" />
      <source>Delete side effect</source>
      <translation>Supprimer l'effet indésirable</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="348" />
      <source>Delete side effect…</source>
      <translation>Supprimer l'effet indésirable…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/edits.py" line="219" />
      <source>Delete the dose change of {0} ({1} mg/day, {2})? The change is kept in the audit log.</source>
      <translation>Supprimer le changement de dose du {0} ({1} mg/jour, {2}) ? La modification est conservée dans le journal d'audit.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/edits.py" line="308" />
      <source>Delete the patient {0} and everything recorded for them? {1} The audit log keeps a copy.</source>
      <translation>Supprimer le patient {0} et tout ce qui a été saisi pour lui ? {1} Le journal d'audit en garde une copie.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/edits.py" line="260" />
      <source>Delete the procedure {0} of {1}? The change is kept in the audit log.</source>
      <translation>Supprimer l'intervention « {0} » du {1} ? La modification est conservée dans le journal d'audit.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/edits.py" line="291" />
      <source>Delete the side effect {0} (grade {1}) of {2}? The change is kept in the audit log.</source>
      <translation>Supprimer l'effet indésirable « {0} » (grade {1}) du {2} ? La modification est conservée dans le journal d'audit.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/edits.py" line="179" />
      <source>Delete the {0} scan of {1} with its {2} lesion measurement(s)? The change is kept in the audit log.</source>
      <translation>Supprimer l'examen {0} du {1} avec ses {2} mesure(s) de lésion ? La modification est conservée dans le journal d'audit.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/edits.py" line="331" />
      <source>Deleted {0}</source>
      <translation>{0} supprimé</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="181" />
      <source>E&amp;xport all patients…</source>
      <translation>E&amp;xporter tous les patients…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="247" />
      <source>Edit dose change…</source>
      <translation>Modifier le changement de dose…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="312" />
      <source>Edit procedure…</source>
      <translation>Modifier l'intervention…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="274" />
      <source>Edit scan…</source>
      <translation>Modifier l'examen…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="339" />
      <source>Edit side effect…</source>
      <translation>Modifier l'effet indésirable…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="229" />
      <source>Edit therapy line…</source>
      <translation>Modifier la ligne de traitement…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="174" />
      <source>Import patient &amp;list (CSV)…</source>
      <translation>Importer une &amp;liste de patients (CSV)…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/edits.py" line="313" />
      <source>Keep</source>
      <translation>Garder</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/edits.py" line="156" />
      <location filename="../../gistdesk/ui/main_window.py" line="703" />
      <source>Keep it</source>
      <translation>Le garder</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="190" />
      <source>Lock the window and hide patient data</source>
      <translation>Verrouiller la fenêtre et masquer les données patient</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window.py" line="531" />
      <source>Locked</source>
      <translation>Verrouillé</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window_view.py" line="135" />
      <source>Main toolbar</source>
      <translation>Barre d'outils principale</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="571" />
      <source>Needs the {0} role</source>
      <translation>Nécessite le rôle {0}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/edits.py" line="63" />
      <source>Not allowed</source>
      <translation>Non autorisé</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/edits.py" line="168" />
      <source>Nothing was deleted</source>
      <translation>Rien n'a été supprimé</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window.py" line="388" />
      <source>Patient {0} is no longer in the database</source>
      <translation>Le patient {0} n'est plus dans la base</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="147" />
      <source>Print &amp;handout…</source>
      <translation>Imprimer la &amp;fiche patient…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="139" />
      <source>Print &amp;summary…</source>
      <translation>Imprimer la &amp;synthèse…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="160" />
      <source>Print the one-page tumor board sheet of the open patient</source>
      <translation>Imprimer la fiche de RCP d’une page du patient ouvert</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window.py" line="702" />
      <source>Quit and discard</source>
      <translation>Quitter et abandonner</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="298" />
      <source>Record the team's decision on the flagged scan</source>
      <translation>Enregistrer la décision de l’équipe sur l’examen signalé</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="193" />
      <source>S&amp;witch user…</source>
      <translation>&amp;Changer d'utilisateur…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window.py" line="420" />
      <source>Saved {0}</source>
      <translation>{0} enregistré</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window_view.py" line="54" />
      <source>Scan overdue</source>
      <translation>Examen en retard</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window.py" line="139" />
      <location filename="../../gistdesk/ui/main_window.py" line="235" />
      <source>Search failed: {0}</source>
      <translation>La recherche a échoué : {0}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window_view.py" line="91" />
      <source>Search patients</source>
      <translation>Rechercher des patients</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window_view.py" line="89" />
      <source>Search record number or name  (Ctrl+F)</source>
      <translation>Rechercher un numéro de dossier ou un nom  (Ctrl+F)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window.py" line="263" />
      <location filename="../../gistdesk/ui/main_window_view.py" line="107" />
      <source>Select a patient in the list, or create one with Ctrl+N.</source>
      <translation>Sélectionnez un patient dans la liste, ou créez-en un avec Ctrl+N.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window.py" line="165" />
      <source>Signed in: {0}</source>
      <translation>Connecté : {0}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window.py" line="628" />
      <source>The database choice takes effect at the next start.</source>
      <translation>Le choix de la base de données prend effet au prochain démarrage.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/edits.py" line="327" />
      <source>The patient was not deleted</source>
      <translation>Le patient n'a pas été supprimé</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/edits.py" line="184" />
      <source>The scan was not deleted</source>
      <translation>L'examen n'a pas été supprimé</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window.py" line="261" />
      <source>This clinic has no patients yet.
Create the first with New patient (Ctrl+N).</source>
      <translation>Cette clinique n'a pas encore de patient.
Créez le premier avec Nouveau patient (Ctrl+N).</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window_view.py" line="55" />
      <source>To review</source>
      <translation>À revoir</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window.py" line="697" />
      <source>Unsaved form</source>
      <translation>Formulaire non enregistré</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window.py" line="243" />
      <source>Worklist failed: {0}</source>
      <translation>La liste de travail a échoué : {0}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="391" />
      <source>Worklist: Adjuvant ending</source>
      <translation>Liste de travail : Fin d'adjuvant</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="386" />
      <source>Worklist: All</source>
      <translation>Liste de travail : Tous</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="387" />
      <source>Worklist: Scan overdue</source>
      <translation>Liste de travail : Examen en retard</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="388" />
      <source>Worklist: To review</source>
      <translation>Liste de travail : À revoir</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window.py" line="615" />
      <source>Your password was changed.</source>
      <translation>Votre mot de passe a été modifié.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window.py" line="592" />
      <source>Your role cannot see the audit log.</source>
      <translation>Votre rôle ne permet pas de consulter le journal d'audit.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/edits.py" line="64" />
      <source>Your role does not allow this. Ask an administrator.</source>
      <translation>Votre rôle ne le permet pas. Demandez à un administrateur.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window.py" line="526" />
      <source>gistdesk — locked</source>
      <translation>gistdesk — verrouillé</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window.py" line="164" />
      <source>nobody</source>
      <translation>personne</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window.py" line="280" />
      <source>{0} of more than {1} patients shown</source>
      <translation>{0} patients affichés sur plus de {1}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window.py" line="273" />
      <source>{0} of {1} patients shown</source>
      <translation>{0} patients affichés sur {1}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/actions.py" line="567" />
      <source>{0} or {1}</source>
      <translation>{0} ou {1}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window.py" line="267" />
      <source>{0} patient shown</source>
      <translation>{0} patient affiché</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/main_window.py" line="269" />
      <source>{0} patients shown</source>
      <translation>{0} patients affichés</translation>
    </message>
  </context>
  <context>
    <name>NumberField</name>
    <message>
      <location filename="../../gistdesk/ui/forms/fields.py" line="104" />
      <source>“{0}” is not a number</source>
      <translation>« {0} » n'est pas un nombre</translation>
    </message>
  </context>
  <context>
    <name>PatientForm</name>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="56" />
      <source>Birth date</source>
      <translation>Date de naissance</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="78" />
      <source>Diagnosis date</source>
      <translation>Date du diagnostic</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="34" />
      <source>Edit patient and primary tumor</source>
      <translation>Modifier le patient et la tumeur primitive</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="91" />
      <source>Extent</source>
      <translation>Extension</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="54" />
      <source>Family name</source>
      <translation>Nom</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="55" />
      <source>Given name</source>
      <translation>Prénom</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="92" />
      <source>Metastatic sites</source>
      <translation>Sites métastatiques</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="85" />
      <source>Mitoses</source>
      <translation>Mitoses</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="90" />
      <source>Mutation</source>
      <translation>Mutation</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="34" />
      <source>New patient</source>
      <translation>Nouveau patient</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="66" />
      <source>No</source>
      <translation>Non</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="58" />
      <source>Notes</source>
      <translation>Notes</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="50" />
      <source>Patient</source>
      <translation>Patient</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="79" />
      <source>Primary site</source>
      <translation>Site primitif</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="75" />
      <source>Primary tumor</source>
      <translation>Tumeur primitive</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="53" />
      <source>Record number</source>
      <translation>Numéro de dossier</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="89" />
      <source>Rupture</source>
      <translation>Rupture</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="57" />
      <source>Sex</source>
      <translation>Sexe</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="81" />
      <source>Size</source>
      <translation>Taille</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="66" />
      <source>Unknown</source>
      <translation>Inconnu</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="66" />
      <source>Yes</source>
      <translation>Oui</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="81" />
      <source>cm</source>
      <translation>cm</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="73" />
      <source>comma separated, e.g. liver, peritoneum</source>
      <translation>séparés par des virgules, p. ex. foie, péritoine</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="40" />
      <source>hospital record number (required)</source>
      <translation>numéro de dossier de l'hôpital (obligatoire)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/patient_form.py" line="87" />
      <source>per 5 mm² (= 50 HPF)</source>
      <translation>pour 5 mm² (= 50 HPF)</translation>
    </message>
  </context>
  <context>
    <name>PatientHeader</name>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="374" />
      <source>Diagnosed &lt;b&gt;{0}&lt;/b&gt;</source>
      <translation>Diagnostic &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="359" />
      <source>Record &lt;b&gt;{0}&lt;/b&gt;</source>
      <translation>Dossier &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="386" />
      <source>Recurrence risk: &lt;i&gt;not computable (size or mitoses missing)&lt;/i&gt;</source>
      <translation>Risque de récidive : &lt;i&gt;non calculable (taille ou mitoses manquantes)&lt;/i&gt;</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="396" />
      <source>Recurrence risk: modified NIH &lt;b&gt;{0}&lt;/b&gt;</source>
      <translation>Risque de récidive : NIH modifié &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="365" />
      <source>born {0}</source>
      <translation>né(e) le {0}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="381" />
      <source>extent &lt;b&gt;{0}&lt;/b&gt;</source>
      <translation>extension &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="377" />
      <source>mitoses &lt;b&gt;{0}&lt;/b&gt;</source>
      <translation>mitoses &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="380" />
      <source>mutation &lt;b&gt;{0}&lt;/b&gt;</source>
      <translation>mutation &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="371" />
      <source>no</source>
      <translation>non</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="379" />
      <source>rupture &lt;b&gt;{0}&lt;/b&gt;</source>
      <translation>rupture &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="375" />
      <source>site &lt;b&gt;{0}&lt;/b&gt;</source>
      <translation>site &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="376" />
      <source>size &lt;b&gt;{0}&lt;/b&gt;</source>
      <translation>taille &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="367" />
      <source>unknown</source>
      <translation>inconnue</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="369" />
      <source>yes</source>
      <translation>oui</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="361" />
      <source>{0} years</source>
      <translation>{0} ans</translation>
    </message>
  </context>
  <context>
    <name>PatientListModel</name>
    <message>
      <location filename="../../gistdesk/ui/patient_list.py" line="57" />
      <source>Age</source>
      <translation>Âge</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_list.py" line="56" />
      <source>Born</source>
      <translation>Naissance</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_list.py" line="59" />
      <source>Current therapy</source>
      <translation>Traitement</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_list.py" line="62" />
      <source>Flags</source>
      <translation>Alertes</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_list.py" line="60" />
      <source>Last scan</source>
      <translation>Dernier examen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_list.py" line="55" />
      <source>Name</source>
      <translation>Nom</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_list.py" line="383" />
      <source>Next scan due by the follow-up interval</source>
      <translation>Prochain examen prévu selon l’intervalle de suivi</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_list.py" line="381" />
      <source>No routine scan due</source>
      <translation>Aucun examen de routine prévu</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_list.py" line="58" />
      <source>Primary site</source>
      <translation>Site primitif</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_list.py" line="54" />
      <source>Record no.</source>
      <translation>N° dossier</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_list.py" line="61" />
      <source>Scan due</source>
      <translation>Examen prévu</translation>
    </message>
  </context>
  <context>
    <name>PatientView</name>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="540" />
      <source>&amp;Procedures</source>
      <translation>&amp;Interventions</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="524" />
      <source>&amp;Scans</source>
      <translation>&amp;Examens</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="36" />
      <source>Account</source>
      <translation>Compte</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="267" />
      <source>Action</source>
      <translation>Mesure</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="102" />
      <source>Baseline scan</source>
      <translation>Examen de référence</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="108" />
      <source>Best Choi</source>
      <translation>Meilleur Choi</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="103" />
      <source>Best RECIST</source>
      <translation>Meilleur RECIST</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="260" />
      <source>CTCAE grade</source>
      <translation>Grade CTCAE</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="226" />
      <source>Change</source>
      <translation>Variation</translation>
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
      <translation>Date</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="186" />
      <source>Density</source>
      <translation>Densité</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="232" />
      <source>Density (HU)</source>
      <translation>Densité (UH)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="220" />
      <source>Diameter (mm)</source>
      <translation>Diamètre (mm)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="34" />
      <source>Display name</source>
      <translation>Nom affiché</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="116" />
      <source>Dose</source>
      <translation>Dose</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="485" />
      <location filename="../../gistdesk/ui/patient_view.py" line="609" />
      <location filename="../../gistdesk/ui/patient_view.py" line="710" />
      <source>Dose history</source>
      <translation>Historique des doses</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="716" />
      <source>Dose history: {0}, from {1}</source>
      <translation>Historique des doses : {0}, depuis le {1}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="96" />
      <source>Dose now</source>
      <translation>Dose actuelle</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="91" />
      <location filename="../../gistdesk/ui/patient_view.py" line="266" />
      <source>Drug</source>
      <translation>Médicament</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="95" />
      <source>End</source>
      <translation>Fin</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/backups_dialog.py" line="107" />
      <source>File</source>
      <translation>Fichier</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="198" />
      <source>Flags</source>
      <translation>Alertes</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="242" />
      <source>Hypodense</source>
      <translation>Hypodense</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="92" />
      <source>Intent</source>
      <translation>Objectif</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/backups_dialog.py" line="105" />
      <source>Kind</source>
      <translation>Type</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="215" />
      <source>Lesion</source>
      <translation>Lésion</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="700" />
      <source>Lesions on {0} ({1}), change vs the previous scan</source>
      <translation>Lésions le {0} ({1}), variation par rapport à l'examen précédent</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="509" />
      <location filename="../../gistdesk/ui/patient_view.py" line="687" />
      <source>Lesions: select a scan</source>
      <translation>Lésions : sélectionnez un examen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="93" />
      <source>Line</source>
      <translation>Ligne</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="253" />
      <source>Margin</source>
      <translation>Marge</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="153" />
      <source>Modality</source>
      <translation>Modalité</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="239" />
      <source>New</source>
      <translation>Nouvelle</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="219" />
      <source>Node</source>
      <translation>Ganglion</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="243" />
      <source>Nodule</source>
      <translation>Nodule</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="197" />
      <source>Non-target</source>
      <translation>Non cible</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="255" />
      <source>Note</source>
      <translation>Note</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="217" />
      <location filename="../../gistdesk/ui/patient_view.py" line="252" />
      <source>Organ</source>
      <translation>Organe</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="191" />
      <source>PET</source>
      <translation>TEP</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="233" />
      <source>Prev. HU</source>
      <translation>UH avant</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="221" />
      <source>Previous (mm)</source>
      <translation>Avant (mm)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="251" />
      <source>Procedure</source>
      <translation>Intervention</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="176" />
      <source>RECIST</source>
      <translation>RECIST</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="155" />
      <source>Reference</source>
      <translation>Référence</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="203" />
      <source>Review</source>
      <translation>Évaluation</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="154" />
      <location filename="../../gistdesk/ui/users_dialog.py" line="35" />
      <source>Role</source>
      <translation>Rôle</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="238" />
      <source>SUVmax</source>
      <translation>SUVmax</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="117" />
      <source>Schedule</source>
      <translation>Schéma</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="556" />
      <source>Side &amp;effects</source>
      <translation>&amp;Effets indésirables</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/backups_dialog.py" line="106" />
      <source>Size</source>
      <translation>Taille</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="94" />
      <source>Start</source>
      <translation>Début</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="101" />
      <source>Stop reason</source>
      <translation>Motif d'arrêt</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="160" />
      <source>Sum (mm)</source>
      <translation>Somme (mm)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="218" />
      <source>Target</source>
      <translation>Cible</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="259" />
      <source>Term</source>
      <translation>Terme</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="498" />
      <source>Therapy &amp;lines</source>
      <translation>&amp;Lignes de traitement</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="159" />
      <location filename="../../gistdesk/ui/patient_view.py" line="216" />
      <source>Treated</source>
      <translation>Traitée</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="254" />
      <source>Treated lesions</source>
      <translation>Lésions traitées</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="33" />
      <source>User name</source>
      <translation>Nom d'utilisateur</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="171" />
      <source>vs nadir</source>
      <translation>vs nadir</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/patient_view.py" line="166" />
      <source>vs reference</source>
      <translation>vs référence</translation>
    </message>
  </context>
  <context>
    <name>PdfPreview</name>
    <message numerus="yes">
      <location filename="../../gistdesk/ui/pdf_preview.py" line="109" />
      <source>%n page(s)</source>
      <translation>
        <numerusform>%n page</numerusform>
        <numerusform>%n pages</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/pdf_preview.py" line="155" />
      <source>&amp;Close</source>
      <translation>&amp;Fermer</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/pdf_preview.py" line="153" />
      <source>&amp;Print…</source>
      <translation>&amp;Imprimer…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/pdf_preview.py" line="154" />
      <source>&amp;Save as PDF…</source>
      <translation>&amp;Enregistrer en PDF…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/pdf_preview.py" line="120" />
      <source>Fit width</source>
      <translation>Pleine largeur</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/pdf_preview.py" line="114" />
      <source>Next page ▶</source>
      <translation>Page suivante ▶</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/pdf_preview.py" line="218" />
      <source>Nothing was printed</source>
      <translation>Rien n'a été imprimé</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/pdf_preview.py" line="185" />
      <source>Page {0} of {1}</source>
      <translation>Page {0} sur {1}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/pdf_preview.py" line="224" />
      <source>Save as PDF</source>
      <translation>Enregistrer en PDF</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/pdf_preview.py" line="232" />
      <location filename="../../gistdesk/ui/pdf_preview.py" line="239" />
      <source>The PDF was not saved</source>
      <translation>Le PDF n'a pas été enregistré</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/pdf_preview.py" line="122" />
      <source>Whole page</source>
      <translation>Page entière</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/pdf_preview.py" line="118" />
      <source>Zoom in</source>
      <translation>Zoom avant</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/pdf_preview.py" line="116" />
      <source>Zoom out</source>
      <translation>Zoom arrière</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/pdf_preview.py" line="112" />
      <source>◀ Previous page</source>
      <translation>◀ Page précédente</translation>
    </message>
  </context>
  <context>
    <name>Printing</name>
    <message>
      <location filename="../../gistdesk/ui/printing.py" line="161" />
      <source>Building the PDF…</source>
      <translation>Création du PDF…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/printing.py" line="128" />
      <source>Nothing was printed</source>
      <translation>Rien n'a été imprimé</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/printing.py" line="113" />
      <source>Printing not available yet</source>
      <translation>Impression pas encore disponible</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/printing.py" line="151" />
      <source>The PDF could not be made</source>
      <translation>Le PDF n'a pas pu être créé</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/printing.py" line="114" />
      <source>The {0} PDF is not available in this version of gistdesk yet.
Nothing was printed.</source>
      <translation>Le PDF « {0} » n'est pas encore disponible dans cette version de gistdesk.
Rien n'a été imprimé.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/printing.py" line="152" />
      <source>The {0} could not be built; nothing was saved.</source>
      <translation>« {0} » n'a pas pu être créé ; rien n'a été enregistré.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/printing.py" line="29" />
      <source>clinician summary</source>
      <translation>la synthèse médicale</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/printing.py" line="30" />
      <source>patient handout</source>
      <translation>la fiche patient</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/printing.py" line="31" />
      <source>tumor board sheet</source>
      <translation>fiche de RCP</translation>
    </message>
  </context>
  <context>
    <name>ProcedureForm</name>
    <message>
      <location filename="../../gistdesk/ui/forms/procedure_form.py" line="71" />
      <source>Add procedure</source>
      <translation>Nouvelle intervention</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/procedure_form.py" line="86" />
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/procedure_form.py" line="71" />
      <source>Edit procedure</source>
      <translation>Modifier l'intervention</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/procedure_form.py" line="89" />
      <source>Margin</source>
      <translation>Marge</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/procedure_form.py" line="121" />
      <source>No lesion measured on any scan yet.</source>
      <translation>Aucune lésion mesurée sur un examen pour l’instant.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/procedure_form.py" line="90" />
      <source>Note</source>
      <translation>Note</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/procedure_form.py" line="88" />
      <source>Organ</source>
      <translation>Organe</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/procedure_form.py" line="87" />
      <source>Procedure</source>
      <translation>Intervention</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/procedure_form.py" line="116" />
      <source>Tick the lesions this procedure ablated, embolized, irradiated or removed: later scans leave them out of RECIST and Choi.</source>
      <translation>Cocher les lésions que cette intervention a détruites, embolisées, irradiées ou retirées : les examens suivants les excluent de RECIST et de Choi.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/procedure_form.py" line="95" />
      <location filename="../../gistdesk/ui/forms/procedure_form.py" line="125" />
      <source>Treated lesions</source>
      <translation>Lésions traitées</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/procedure_form.py" line="107" />
      <source>{0} (on no scan)</source>
      <translation>{0} (sur aucun examen)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/procedure_form.py" line="79" />
      <source>— (not surgery)</source>
      <translation>— (pas une chirurgie)</translation>
    </message>
  </context>
  <context>
    <name>Review</name>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="79" />
      <source>new reference</source>
      <translation>nouvelle référence</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="77" />
      <source>not progression</source>
      <translation>pas de progression</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="76" />
      <source>progression confirmed</source>
      <translation>progression confirmée</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="78" />
      <source>re-image before deciding</source>
      <translation>nouvel examen avant de décider</translation>
    </message>
  </context>
  <context>
    <name>ReviewDialog</name>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="44" />
      <source>&amp;1  Progression confirmed</source>
      <translation>&amp;1  Progression confirmée</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="52" />
      <source>&amp;2  Not progression</source>
      <translation>&amp;2  Pas de progression</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="60" />
      <source>&amp;3  Re-image before deciding</source>
      <translation>&amp;3  Nouvel examen avant de décider</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="67" />
      <source>&amp;4  New reference from this scan</source>
      <translation>&amp;4  Nouvelle référence à partir de cet examen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="61" />
      <source>Another scan first; the flag stays open on the To review list.</source>
      <translation>D’abord un autre examen ; l’alerte reste sur la liste « À évaluer ».</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="158" />
      <source>By:</source>
      <translation>Par :</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="226" />
      <source>Choose a decision (1-4).</source>
      <translation>Choisir une décision (1-4).</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="155" />
      <source>Decided on:</source>
      <translation>Décidé le :</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="205" />
      <source>Earlier reviews of this scan</source>
      <translation>Évaluations antérieures de cet examen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="68" />
      <source>Later scans are compared with this one (e.g. after local therapy or a break).</source>
      <translation>Les examens suivants sont comparés à celui-ci (p. ex. après un traitement local ou une pause).</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="209" />
      <source>No flag on this scan.</source>
      <translation>Aucune alerte sur cet examen.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="154" />
      <source>Note:</source>
      <translation>Note :</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="198" />
      <source>Options to discuss:</source>
      <translation>Options à discuter :</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="117" />
      <source>Review the scan of {0}</source>
      <translation>Évaluer l’examen du {0}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="171" />
      <source>Save review</source>
      <translation>Enregistrer l’évaluation</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="172" />
      <source>Save the review (Ctrl+Enter)</source>
      <translation>Enregistrer l’évaluation (Ctrl+Entrée)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="235" />
      <source>The review cannot be dated after today.</source>
      <translation>L’évaluation ne peut pas être datée d’après aujourd’hui.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="233" />
      <source>The review cannot be dated before the scan.</source>
      <translation>L’évaluation ne peut pas être datée d’avant l’examen.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="253" />
      <source>The review was not saved: {0}</source>
      <translation>L’évaluation n’a pas été enregistrée : {0}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="45" />
      <source>The team accepts progression on this scan; it becomes the new reference.</source>
      <translation>L’équipe retient la progression sur cet examen ; il devient la nouvelle référence.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="53" />
      <source>This scan does not show progression (e.g. pseudoprogression, biopsy).</source>
      <translation>Cet examen ne montre pas de progression (p. ex. pseudoprogression, biopsie).</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="151" />
      <source>e.g. tumor board 12 March: continue 800 mg</source>
      <translation>p. ex. RCP du 12 mars : poursuivre 800 mg</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/review_dialog.py" line="206" />
      <source>the new one supersedes them</source>
      <translation>la nouvelle les remplace</translation>
    </message>
  </context>
  <context>
    <name>Roles</name>
    <message>
      <location filename="../../gistdesk/ui/session.py" line="18" />
      <source>Administrator</source>
      <translation>Administrateur</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/session.py" line="19" />
      <source>Clinician</source>
      <translation>Médecin</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/session.py" line="20" />
      <source>Nurse</source>
      <translation>Infirmier/ère</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/session.py" line="21" />
      <source>Viewer</source>
      <translation>Lecture seule</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/session.py" line="38" />
      <source>nobody signed in</source>
      <translation>personne n'est connecté</translation>
    </message>
  </context>
  <context>
    <name>ScanForm</name>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="248" />
      <source>&amp;Add lesion</source>
      <translation>&amp;Ajouter une lésion</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="250" />
      <source>&amp;Remove lesion</source>
      <translation>&amp;Retirer la lésion</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="185" />
      <source>Add scan</source>
      <translation>Nouvel examen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="42" />
      <source>Density
(HU)</source>
      <translation>Densité
(UH)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="40" />
      <source>Diameter
(mm)</source>
      <translation>Diamètre
(mm)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="255" />
      <source>Diameters: longest axis in mm (short axis for lymph nodes). Leave a diameter empty if the lesion was not measured.</source>
      <translation>Diamètres : grand axe en mm (petit axe pour les ganglions). Laisser vide si la lésion n'a pas été mesurée.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="185" />
      <source>Edit scan</source>
      <translation>Modifier l'examen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="316" />
      <source>Go back and measure</source>
      <translation>Revenir et mesurer</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="45" />
      <source>Hypo-
dense</source>
      <translation>Hypo-
dense</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="46" />
      <source>Intratumoral
nodule</source>
      <translation>Nodule
intratumoral</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="36" />
      <source>Lesion</source>
      <translation>Lésion</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="365" />
      <source>Lesion {0}, {1}</source>
      <translation>Lésion {0}, {1}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="218" />
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="241" />
      <source>Lesions</source>
      <translation>Lésions</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="237" />
      <source>Lesions of the previous scan ({0}) are listed: type the new measurements.</source>
      <translation>Les lésions de l'examen précédent ({0}) sont listées : saisissez les nouvelles mesures.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="198" />
      <source>Modality</source>
      <translation>Modalité</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="44" />
      <source>New</source>
      <translation>Nouvelle</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="39" />
      <source>Node</source>
      <translation>Ganglion</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="273" />
      <source>Non-target lesions</source>
      <translation>Lésions non cibles</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="265" />
      <source>Non-target lesions:</source>
      <translation>Lésions non cibles :</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="309" />
      <source>Not all target lesions measured</source>
      <translation>Lésions cibles pas toutes mesurées</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="37" />
      <source>Organ</source>
      <translation>Organe</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="41" />
      <source>Previous
(mm)</source>
      <translation>Avant
(mm)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="275" />
      <source>Report</source>
      <translation>Compte rendu</translation>
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
      <translation>Enregistrer quand même</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="197" />
      <source>Scan date</source>
      <translation>Date de l'examen</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="38" />
      <source>Target</source>
      <translation>Cible</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="53" />
      <source>density (HU)</source>
      <translation>densité (UH)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="50" />
      <source>lesion id</source>
      <translation>identifiant de lésion</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="52" />
      <source>longest diameter (mm)</source>
      <translation>plus grand diamètre (mm)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="51" />
      <source>organ</source>
      <translation>organe</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="196" />
      <source>radiology report (optional)</source>
      <translation>compte rendu radiologique (facultatif)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="363" />
      <source>row {0}</source>
      <translation>ligne {0}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="310" />
      <source>{0} not measured on this scan — save anyway?

An unmeasured lesion is not 0 mm: the scan's sum is left out of the chart and RECIST cannot assess the targets.</source>
      <translation>{0} non mesurées sur cet examen — enregistrer quand même ?

Une lésion non mesurée ne vaut pas 0 mm : la somme de cet examen est omise du graphique et RECIST ne peut pas évaluer les cibles.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/scan_form.py" line="373" />
      <source>“{0}” is not a number</source>
      <translation>« {0} » n'est pas un nombre</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <location filename="../../gistdesk/ui/settings_dialog.py" line="102" />
      <source> min</source>
      <translation> min</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/settings_dialog.py" line="156" />
      <source>A clinic database file, or the team database as postgresql://login@server/database (never with a password: it is asked at sign-in, or comes from GISTDESK_PASSWORD or ~/.pgpass). Takes effect at the next start; empty: the default database.</source>
      <translation>Un fichier de base de données de la clinique, ou la base de l’équipe sous la forme postgresql://identifiant@serveur/base (jamais avec un mot de passe : il est demandé à la connexion, ou vient de GISTDESK_PASSWORD ou de ~/.pgpass). Prend effet au prochain démarrage ; vide : la base par défaut.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/settings_dialog.py" line="147" />
      <source>Browse…</source>
      <translation>Parcourir…</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/settings_dialog.py" line="117" />
      <source>Clinic name (report footers):</source>
      <translation>Nom de la clinique (pied des rapports) :</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/settings_dialog.py" line="118" />
      <source>Clinic phone:</source>
      <translation>Téléphone de la clinique :</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/settings_dialog.py" line="170" />
      <source>Database at start</source>
      <translation>Base de données au démarrage</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/settings_dialog.py" line="151" />
      <source>Database at start:</source>
      <translation>Base de données au démarrage :</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/settings_dialog.py" line="121" />
      <source>Lock after idle:</source>
      <translation>Verrouiller après inactivité :</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/settings_dialog.py" line="182" />
      <location filename="../../gistdesk/ui/settings_dialog.py" line="197" />
      <source>Not saved: {0}</source>
      <translation>Non enregistré : {0}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/settings_dialog.py" line="119" />
      <source>Nurse line:</source>
      <translation>Ligne infirmière :</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/settings_dialog.py" line="120" />
      <source>Report footer:</source>
      <translation>Pied de page des rapports :</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/settings_dialog.py" line="87" />
      <source>Settings — gistdesk</source>
      <translation>Paramètres — gistdesk</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/settings_dialog.py" line="92" />
      <source>These settings belong to the clinic database {0}.</source>
      <translation>Ces réglages appartiennent à la base de la clinique {0}.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/settings_dialog.py" line="142" />
      <source>This workstation</source>
      <translation>Ce poste de travail</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/settings_dialog.py" line="145" />
      <source>the default database</source>
      <translation>la base par défaut</translation>
    </message>
  </context>
  <context>
    <name>Sex</name>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="15" />
      <source>female</source>
      <translation>féminin</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="16" />
      <source>male</source>
      <translation>masculin</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="17" />
      <source>other</source>
      <translation>autre</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="18" />
      <source>unknown</source>
      <translation>inconnu</translation>
    </message>
  </context>
  <context>
    <name>ShortcutsDialog</name>
    <message>
      <location filename="../../gistdesk/ui/help.py" line="78" />
      <source>Action</source>
      <translation>Action</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/help.py" line="69" />
      <source>Keyboard shortcuts — gistdesk</source>
      <translation>Raccourcis clavier — gistdesk</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/help.py" line="78" />
      <source>Keys</source>
      <translation>Touches</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/help.py" line="74" />
      <source>Next field</source>
      <translation>Champ suivant</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/help.py" line="73" />
      <source>Next lesion in the scan form (down the column)</source>
      <translation>Lésion suivante dans le formulaire d’imagerie (vers le bas de la colonne)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/help.py" line="72" />
      <source>Save the open form</source>
      <translation>Enregistrer le formulaire ouvert</translation>
    </message>
  </context>
  <context>
    <name>SideEffectForm</name>
    <message>
      <location filename="../../gistdesk/ui/forms/side_effect_form.py" line="82" />
      <source>Action</source>
      <translation>Mesure</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/side_effect_form.py" line="46" />
      <source>Add side effect</source>
      <translation>Nouvel effet indésirable</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/side_effect_form.py" line="80" />
      <source>CTCAE grade</source>
      <translation>Grade CTCAE</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/side_effect_form.py" line="64" />
      <source>CTCAE grade: 1 mild … 5 death related to the adverse event</source>
      <translation>Grade CTCAE : 1 léger … 5 décès lié à l'événement indésirable</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/side_effect_form.py" line="78" />
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/side_effect_form.py" line="81" />
      <source>Drug</source>
      <translation>Médicament</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/side_effect_form.py" line="46" />
      <source>Edit side effect</source>
      <translation>Modifier l'effet indésirable</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/side_effect_form.py" line="79" />
      <source>Term (CTCAE)</source>
      <translation>Terme (CTCAE)</translation>
    </message>
  </context>
  <context>
    <name>SignIn</name>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="33" />
      <source>The user name or password is not right.</source>
      <translation>Le nom d'utilisateur ou le mot de passe est incorrect.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="79" />
      <source>This account is locked after too many wrong passwords. Try again after {0}, or ask an administrator.</source>
      <translation>Ce compte est bloqué après trop de mots de passe erronés. Réessayez après {0}, ou demandez à un administrateur.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="75" />
      <source>Type your user name and password.</source>
      <translation>Saisissez votre nom d'utilisateur et votre mot de passe.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="42" />
      <source>at least {0} characters, not the user name. A few unrelated words make a good password; do not reuse one from another system.</source>
      <translation>au moins {0} caractères, pas le nom d'utilisateur. Quelques mots sans rapport font un bon mot de passe ; n'en réutilisez pas un d'un autre système.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="60" />
      <source>later</source>
      <translation>plus tard</translation>
    </message>
  </context>
  <context>
    <name>SignInDialog</name>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="153" />
      <source>Clinic database: {0}</source>
      <translation>Base de la clinique : {0}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="159" />
      <source>Demo clinic (invented patients only). Sign in as {0} with the password {1}.</source>
      <translation>Clinique de démonstration (patients fictifs uniquement). Se connecter comme {0} avec le mot de passe {1}.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="172" />
      <source>Password</source>
      <translation>Mot de passe</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="175" />
      <source>Password:</source>
      <translation>Mot de passe :</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="180" />
      <source>Sign in</source>
      <translation>Se connecter</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="149" />
      <source>Sign in to gistdesk</source>
      <translation>Connexion à gistdesk</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="144" />
      <source>Sign in — gistdesk</source>
      <translation>Connexion — gistdesk</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="169" />
      <source>User name</source>
      <translation>Nom d'utilisateur</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/signin.py" line="174" />
      <source>User name:</source>
      <translation>Nom d'utilisateur :</translation>
    </message>
  </context>
  <context>
    <name>TherapyLineForm</name>
    <message>
      <location filename="../../gistdesk/ui/forms/line_form.py" line="30" />
      <source>Add therapy line</source>
      <translation>Nouvelle ligne de traitement</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/line_form.py" line="42" />
      <source>Drug</source>
      <translation>Médicament</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/line_form.py" line="30" />
      <source>Edit therapy line</source>
      <translation>Modifier la ligne de traitement</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/line_form.py" line="65" />
      <source>End</source>
      <translation>Fin</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/line_form.py" line="43" />
      <source>Intent</source>
      <translation>Objectif</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/line_form.py" line="55" />
      <source>Schedule</source>
      <translation>Schéma</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/line_form.py" line="44" />
      <source>Start</source>
      <translation>Début</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/line_form.py" line="51" />
      <source>Starting dose</source>
      <translation>Dose initiale</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/line_form.py" line="66" />
      <source>Stop reason</source>
      <translation>Motif d'arrêt</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/line_form.py" line="46" />
      <source>daily</source>
      <translation>quotidien</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/line_form.py" line="53" />
      <source>mg/day</source>
      <translation>mg/jour</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/line_form.py" line="40" />
      <source>open (ongoing)</source>
      <translation>ouverte (en cours)</translation>
    </message>
  </context>
  <context>
    <name>TimelineChart</name>
    <message>
      <location filename="../../gistdesk/ui/timeline_chart.py" line="302" />
      <source>Timeline chart</source>
      <translation>Graphique d'évolution</translation>
    </message>
  </context>
  <context>
    <name>UserGuideDialog</name>
    <message>
      <location filename="../../gistdesk/ui/help.py" line="59" />
      <source>The user guide is missing from this installation.</source>
      <translation>Le guide d’utilisation manque dans cette installation.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/help.py" line="51" />
      <source>User guide — gistdesk</source>
      <translation>Guide d’utilisation — gistdesk</translation>
    </message>
  </context>
  <context>
    <name>UsersDialog</name>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="95" />
      <source>Add a user</source>
      <translation>Ajouter un utilisateur</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="103" />
      <source>Add user</source>
      <translation>Ajouter l'utilisateur</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="194" />
      <source>Added {0}.</source>
      <translation>{0} ajouté.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="76" />
      <source>Change role</source>
      <translation>Changer le rôle</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="82" />
      <location filename="../../gistdesk/ui/users_dialog.py" line="183" />
      <source>Disable</source>
      <translation>Désactiver</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="105" />
      <source>Display name:</source>
      <translation>Nom affiché :</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="183" />
      <source>Enable</source>
      <translation>Activer</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="145" />
      <source>Not changed: {0}</source>
      <translation>Non modifié : {0}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="107" />
      <source>Password:</source>
      <translation>Mot de passe :</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="108" />
      <source>Password: {0}</source>
      <translation>Mot de passe : {0}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="81" />
      <source>Reset password</source>
      <translation>Réinitialiser le mot de passe</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="106" />
      <source>Role:</source>
      <translation>Rôle :</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="84" />
      <source>Selected user:</source>
      <translation>Utilisateur sélectionné :</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="216" />
      <source>The password of {0} was changed.</source>
      <translation>Le mot de passe de {0} a été modifié.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="157" />
      <source>The users could not be listed: {0}</source>
      <translation>Les utilisateurs n'ont pas pu être listés : {0}</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="104" />
      <source>User name:</source>
      <translation>Nom d'utilisateur :</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="59" />
      <source>Users — gistdesk</source>
      <translation>Utilisateurs — gistdesk</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="41" />
      <source>active</source>
      <translation>actif</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="39" />
      <source>disabled</source>
      <translation>désactivé</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="79" />
      <source>new password</source>
      <translation>nouveau mot de passe</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="232" />
      <source>{0} can no longer sign in.</source>
      <translation>{0} ne peut plus se connecter.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="228" />
      <source>{0} can sign in again.</source>
      <translation>{0} peut de nouveau se connecter.</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/users_dialog.py" line="207" />
      <source>{0} is now {1}.</source>
      <translation>{0} est maintenant {1}.</translation>
    </message>
  </context>
  <context>
    <name>Vocabulary</name>
    <message>
      <location filename="../../gistdesk/ui/forms/procedure_form.py" line="31" />
      <source>Chemoembolization (TACE)</source>
      <translation>Chimioembolisation (TACE)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="49" />
      <source>Colon</source>
      <translation>Côlon</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/procedure_form.py" line="29" />
      <source>Cryoablation</source>
      <translation>Cryoablation</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="47" />
      <source>Duodenum</source>
      <translation>Duodénum</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/procedure_form.py" line="30" />
      <source>Embolization (TAE)</source>
      <translation>Embolisation (TAE)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="51" />
      <source>Esophagus</source>
      <translation>Œsophage</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/procedure_form.py" line="28" />
      <source>Ethanol ablation</source>
      <translation>Alcoolisation</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="52" />
      <source>Extra-GI</source>
      <translation>Extra-digestif</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="48" />
      <source>Jejunum / ileum</source>
      <translation>Jéjunum / iléon</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="54" />
      <source>KIT, other</source>
      <translation>KIT, autre</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/procedure_form.py" line="27" />
      <source>Microwave ablation</source>
      <translation>Ablation par micro-ondes</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="58" />
      <source>NF1-related</source>
      <translation>lié à NF1</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="55" />
      <source>PDGFRA exon 18, other</source>
      <translation>PDGFRA exon 18, autre</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="56" />
      <source>PDGFRA, other</source>
      <translation>PDGFRA, autre</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/procedure_form.py" line="34" />
      <source>Radiation</source>
      <translation>Radiothérapie</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/procedure_form.py" line="32" />
      <source>Radioembolization</source>
      <translation>Radioembolisation</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/procedure_form.py" line="26" />
      <source>Radiofrequency ablation (RFA)</source>
      <translation>Radiofréquence (RF)</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="50" />
      <source>Rectum</source>
      <translation>Rectum</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/procedure_form.py" line="33" />
      <source>SBRT</source>
      <translation>SBRT</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="57" />
      <source>SDH-deficient</source>
      <translation>déficient en SDH</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="46" />
      <source>Stomach</source>
      <translation>Estomac</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/forms/procedure_form.py" line="25" />
      <source>Surgery</source>
      <translation>Chirurgie</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="60" />
      <source>Unknown</source>
      <translation>Inconnu</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="59" />
      <source>Wild type</source>
      <translation>Sauvage</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="31" />
      <source>absent</source>
      <translation>absentes</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="28" />
      <source>adjuvant</source>
      <translation>adjuvant</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="29" />
      <source>advanced</source>
      <translation>avancé</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="42" />
      <source>completed</source>
      <translation>terminé</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="36" />
      <source>dose reduced</source>
      <translation>dose réduite</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="37" />
      <source>held</source>
      <translation>suspendu</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="41" />
      <source>intolerance</source>
      <translation>intolérance</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="22" />
      <source>localized</source>
      <translation>localisée</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="23" />
      <source>locally advanced</source>
      <translation>localement avancée</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="24" />
      <source>metastatic</source>
      <translation>métastatique</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="27" />
      <source>neoadjuvant</source>
      <translation>néoadjuvant</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="35" />
      <source>none</source>
      <translation>aucune</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="20" />
      <source>other</source>
      <translation>autre</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="44" />
      <source>patient choice</source>
      <translation>choix du patient</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="32" />
      <source>present</source>
      <translation>présentes</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="40" />
      <source>progression</source>
      <translation>progression</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="25" />
      <source>recurrent</source>
      <translation>récidivante</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="38" />
      <source>stopped</source>
      <translation>arrêté</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="43" />
      <source>surgery</source>
      <translation>chirurgie</translation>
    </message>
    <message>
      <location filename="../../gistdesk/ui/vocabulary.py" line="33" />
      <source>unequivocal progression</source>
      <translation>progression non équivoque</translation>
    </message>
  </context>
</TS>
