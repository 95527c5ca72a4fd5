<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AddPeerDialog</name>
    <message>
        <location filename="../../ui/qml/dialogs/AddPeerDialog.qml" line="12"/>
        <source>Add by address</source>
        <translation>Über Adresse hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/AddPeerDialog.qml" line="39"/>
        <source>Ask the other person for an address shown in their Sotto settings, e.g. 192.168.1.20:47000 (a computer&apos;s name works too: laptop.local:47000).</source>
        <translation>Frag die andere Person nach einer Adresse aus ihren Sotto-Einstellungen, z. B. 192.168.1.20:47000 (der Name eines Computers geht auch: laptop.local:47000).</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/AddPeerDialog.qml" line="46"/>
        <source>host:port</source>
        <translation>Host:Port</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/AddPeerDialog.qml" line="47"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/AddPeerDialog.qml" line="70"/>
        <source>Looking up…</source>
        <translation>Wird gesucht…</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/AddPeerDialog.qml" line="70"/>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
</context>
<context>
    <name>AttachmentView</name>
    <message>
        <location filename="../../ui/qml/delegates/AttachmentView.qml" line="90"/>
        <source>Image %1</source>
        <translation>Bild %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/AttachmentView.qml" line="102"/>
        <source>Animated image %1</source>
        <translation>Animiertes Bild %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/AttachmentView.qml" line="147"/>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/AttachmentView.qml" line="147"/>
        <source>unknown reason</source>
        <translation>Grund unbekannt</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/AttachmentView.qml" line="172"/>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/AttachmentView.qml" line="172"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/AttachmentView.qml" line="172"/>
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/AttachmentView.qml" line="178"/>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/AttachmentView.qml" line="185"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/AttachmentView.qml" line="191"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/AttachmentView.qml" line="197"/>
        <source>Save as…</source>
        <translation>Speichern unter…</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="37"/>
        <source>Back to conversations</source>
        <translation>Zurück zu den Unterhaltungen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="84"/>
        <source>typing…</source>
        <translation>schreibt…</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="85"/>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="85"/>
        <source>offline — messages wait until they are back</source>
        <translation>offline – Nachrichten warten, bis die Person wieder da ist</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="101"/>
        <location filename="../../ui/qml/pages/ChatView.qml" line="114"/>
        <source>Disappearing messages: %1</source>
        <translation>Verschwindende Nachrichten: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="102"/>
        <source>Disappearing messages</source>
        <translation>Verschwindende Nachrichten</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="71"/>
        <source>verified</source>
        <translation>verifiziert</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="23"/>
        <source>You are no longer in this group</source>
        <translation>Du bist nicht mehr in dieser Gruppe</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="24"/>
        <source>1 member</source>
        <translation>1 Mitglied</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="24"/>
        <source>%1 members</source>
        <translation>%1 Mitglieder</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="99"/>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="124"/>
        <source>Group members and settings</source>
        <translation>Gruppenmitglieder und -einstellungen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="125"/>
        <source>Group info</source>
        <translation>Gruppeninfo</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="133"/>
        <source>Contact and safety number</source>
        <translation>Kontakt und Sicherheitsnummer</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="140"/>
        <source>More for this conversation</source>
        <translation>Mehr zu dieser Unterhaltung</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="141"/>
        <source>More</source>
        <translation>Mehr</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="151"/>
        <location filename="../../ui/qml/pages/ChatView.qml" line="577"/>
        <source>Unblock %1</source>
        <translation>%1 nicht mehr blockieren</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="151"/>
        <location filename="../../ui/qml/pages/ChatView.qml" line="537"/>
        <source>Block %1</source>
        <translation>%1 blockieren</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="165"/>
        <source>Sotto</source>
        <translation>Sotto</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="166"/>
        <source>Choose a conversation, or someone nearby, to start.</source>
        <translation>Wähle eine Unterhaltung oder jemanden in der Nähe, um zu beginnen.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="187"/>
        <source>Maybe %1 with a new key? A contact of that name is already in your list. If they reinstalled Sotto, compare safety numbers with them, then merge the two conversations. Anyone can take a name.</source>
        <translation>Vielleicht %1 mit einem neuen Schlüssel? Ein Kontakt mit diesem Namen ist schon in deiner Liste. Falls die Person Sotto neu installiert hat, vergleiche eure Sicherheitsnummern und führe dann die beiden Unterhaltungen zusammen. Jeder kann sich jeden Namen geben.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="193"/>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="194"/>
        <location filename="../../ui/qml/pages/ChatView.qml" line="468"/>
        <source>Compare safety numbers</source>
        <translation>Sicherheitsnummern vergleichen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="199"/>
        <source>Same person: merge</source>
        <translation>Dieselbe Person: zusammenführen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="200"/>
        <source>It is %1: merge the conversations</source>
        <translation>Es ist %1: Unterhaltungen zusammenführen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="205"/>
        <source>Not them</source>
        <translation>Jemand anderes</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="206"/>
        <source>Not the same person</source>
        <translation>Nicht dieselbe Person</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="231"/>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="253"/>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="294"/>
        <source>React</source>
        <translation>Reagieren</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="306"/>
        <location filename="../../ui/qml/pages/ChatView.qml" line="653"/>
        <source>React with %1</source>
        <translation>Mit %1 reagieren</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="314"/>
        <source>Reply</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="321"/>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="328"/>
        <source>More reactions…</source>
        <translation>Weitere Reaktionen…</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="335"/>
        <location filename="../../ui/qml/pages/ChatView.qml" line="718"/>
        <source>Edit history</source>
        <translation>Bearbeitungsverlauf</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="342"/>
        <source>Remove my reaction</source>
        <translation>Meine Reaktion entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="349"/>
        <source>Copy text</source>
        <translation>Text kopieren</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="357"/>
        <source>Delete for me</source>
        <translation>Für mich löschen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="363"/>
        <source>Delete for everyone</source>
        <translation>Für alle löschen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="466"/>
        <source>Say hi to %1</source>
        <translation>Sag %1 Hallo</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="467"/>
        <source>Messages go straight to their computer, end-to-end encrypted. To be sure it is really them, compare safety numbers — in person or on a call.</source>
        <translation>Nachrichten gehen direkt auf den Computer der anderen Person, Ende-zu-Ende-verschlüsselt. Um sicher zu sein, dass sie es wirklich ist, vergleicht eure Sicherheitsnummern – persönlich oder am Telefon.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/pages/ChatView.qml" line="500"/>
        <source>Go to the newest message, %n new</source>
        <translation>
            <numerusform>Zur neuesten Nachricht, %n neue</numerusform>
            <numerusform>Zur neuesten Nachricht, %n neue</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="500"/>
        <source>Go to the newest message</source>
        <translation>Zur neuesten Nachricht</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="528"/>
        <source>%1 is not in your contacts and wants to message you. They will not know you have seen their messages until you accept.</source>
        <translation>%1 ist nicht in deinen Kontakten und möchte dir schreiben. Bis du annimmst, erfährt %1 nicht, dass du die Nachrichten gesehen hast.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="536"/>
        <source>Block</source>
        <translation>Blockieren</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="542"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="543"/>
        <source>Delete the request and its messages</source>
        <translation>Die Anfrage und ihre Nachrichten löschen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="548"/>
        <source>Accept</source>
        <translation>Annehmen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="550"/>
        <source>Accept the message request of %1</source>
        <translation>Die Nachrichtenanfrage von %1 annehmen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="570"/>
        <source>You blocked %1. Nothing is sent to or taken from them.</source>
        <translation>Du hast %1 blockiert. Es wird nichts an %1 gesendet und nichts von %1 angenommen.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="576"/>
        <source>Unblock</source>
        <translation>Nicht mehr blockieren</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="587"/>
        <source>You are no longer a member of this group.</source>
        <translation>Du bist kein Mitglied dieser Gruppe mehr.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="653"/>
        <source>Insert %1</source>
        <translation>%1 einfügen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="692"/>
        <source>Drop to add for %1 (sent when you press Send)</source>
        <translation>Loslassen, um es für %1 hinzuzufügen (gesendet, wenn Sie auf Senden drücken)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="710"/>
        <source>everyone in %1</source>
        <translation>allen in %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="735"/>
        <source>Earlier texts</source>
        <translation>Frühere Fassungen</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="46"/>
        <source>Editing your message</source>
        <translation>Du bearbeitest deine Nachricht</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="47"/>
        <source>Replying to: %1</source>
        <translation>Antwort auf: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="56"/>
        <source>Cancel editing</source>
        <translation>Bearbeiten abbrechen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="56"/>
        <source>Cancel reply</source>
        <translation>Antwort abbrechen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="66"/>
        <source>Preparing a file…</source>
        <translation>Eine Datei wird vorbereitet…</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="67"/>
        <source>Preparing %1 files…</source>
        <translation>%1 Dateien werden vorbereitet…</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="141"/>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="155"/>
        <source>Attach files</source>
        <translation>Dateien anhängen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="184"/>
        <source>Write a message</source>
        <translation>Nachricht schreiben</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="184"/>
        <source>Sending is paused</source>
        <translation>Senden ist pausiert</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="197"/>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="222"/>
        <source>Insert an emoji</source>
        <translation>Emoji einfügen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="232"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="232"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="253"/>
        <source>Send message</source>
        <translation>Nachricht senden</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="253"/>
        <source>Save the edit</source>
        <translation>Änderung speichern</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="256"/>
        <source>Save the edit (Enter)</source>
        <translation>Änderung speichern (Eingabetaste)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="256"/>
        <source>Send (Enter)</source>
        <translation>Senden (Eingabetaste)</translation>
    </message>
</context>
<context>
    <name>ContactChecklist</name>
    <message>
        <location filename="../../ui/qml/components/ContactChecklist.qml" line="22"/>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
</context>
<context>
    <name>ContactPage</name>
    <message>
        <location filename="../../ui/qml/pages/ContactPage.qml" line="37"/>
        <source>Safety number</source>
        <translation>Sicherheitsnummer</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ContactPage.qml" line="43"/>
        <source>Compare these digits with the ones on %1&apos;s screen. If they match, nobody is in between.</source>
        <translation>Vergleiche diese Ziffern mit denen auf dem Bildschirm von %1. Wenn sie übereinstimmen, sitzt niemand dazwischen.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ContactPage.qml" line="56"/>
        <source>Safety number %1</source>
        <translation>Sicherheitsnummer %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ContactPage.qml" line="81"/>
        <source>Safety number as a QR code</source>
        <translation>Sicherheitsnummer als QR-Code</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ContactPage.qml" line="85"/>
        <source>Verified: the numbers match</source>
        <translation>Verifiziert: Die Nummern stimmen überein</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ContactPage.qml" line="88"/>
        <source>Mark as verified</source>
        <translation>Als verifiziert markieren</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ContactPage.qml" line="93"/>
        <source>Blocked: nothing is sent to or taken from them</source>
        <translation>Blockiert: Es wird nichts gesendet und nichts angenommen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ContactPage.qml" line="96"/>
        <source>Block %1</source>
        <translation>%1 blockieren</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ContactPage.qml" line="100"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>ConversationDelegate</name>
    <message>
        <location filename="../../ui/qml/delegates/ConversationDelegate.qml" line="43"/>
        <source>%1, %2 unread</source>
        <translation>%1, %2 ungelesen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/ConversationDelegate.qml" line="73"/>
        <source>verified</source>
        <translation>verifiziert</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/ConversationDelegate.qml" line="99"/>
        <source>typing…</source>
        <translation>schreibt…</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/ConversationDelegate.qml" line="99"/>
        <source>Nearby — say hello</source>
        <translation>In der Nähe – sag Hallo</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/ConversationDelegate.qml" line="100"/>
        <source>No messages yet</source>
        <translation>Noch keine Nachrichten</translation>
    </message>
</context>
<context>
    <name>DeleteForEveryoneDialog</name>
    <message>
        <location filename="../../ui/qml/dialogs/DeleteForEveryoneDialog.qml" line="15"/>
        <source>Delete for everyone?</source>
        <translation>Für alle löschen?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/DeleteForEveryoneDialog.qml" line="30"/>
        <source>The message will be deleted here and for %1. This cannot be undone.</source>
        <translation>Die Nachricht wird hier und bei %1 gelöscht. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/DeleteForEveryoneDialog.qml" line="37"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/DeleteForEveryoneDialog.qml" line="43"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/DeleteForEveryoneDialog.qml" line="44"/>
        <source>Delete for everyone</source>
        <translation>Für alle löschen</translation>
    </message>
</context>
<context>
    <name>GroupInfoDialog</name>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="15"/>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="52"/>
        <source>Group name</source>
        <translation>Gruppenname</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="60"/>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="67"/>
        <source>1 member</source>
        <translation>1 Mitglied</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="67"/>
        <source>%1 members</source>
        <translation>%1 Mitglieder</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="87"/>
        <source>verified</source>
        <translation>verifiziert</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="88"/>
        <source>safety number changed</source>
        <translation>Sicherheitsnummer geändert</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="89"/>
        <source>blocked</source>
        <translation>blockiert</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="89"/>
        <source>not verified</source>
        <translation>nicht verifiziert</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="90"/>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="124"/>
        <source>admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="93"/>
        <source>Show the safety number</source>
        <translation>Sicherheitsnummer anzeigen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="105"/>
        <source>%1 (you)</source>
        <translation>%1 (du)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="134"/>
        <source>Change %1</source>
        <translation>%1 ändern</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="140"/>
        <source>Remove as admin</source>
        <translation>Als Admin entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="140"/>
        <source>Make admin</source>
        <translation>Zum Admin machen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="145"/>
        <source>Remove from group</source>
        <translation>Aus der Gruppe entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="157"/>
        <source>Add members…</source>
        <translation>Mitglieder hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="173"/>
        <source>All your contacts are in this group.</source>
        <translation>Alle deine Kontakte sind in dieser Gruppe.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="178"/>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="244"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="183"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="202"/>
        <source>You are no longer a member of this group.</source>
        <translation>Du bist kein Mitglied dieser Gruppe mehr.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="213"/>
        <source>Leave group</source>
        <translation>Gruppe verlassen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="220"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="228"/>
        <source>Leave %1?</source>
        <translation>%1 verlassen?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="238"/>
        <source>You will no longer get its messages, and cannot write to it unless an admin adds you again. Its history stays here.</source>
        <translation>Du bekommst ihre Nachrichten nicht mehr und kannst nicht mehr hineinschreiben, bis ein Admin dich wieder hinzufügt. Der Verlauf bleibt hier.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="249"/>
        <source>Leave</source>
        <translation>Verlassen</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <location filename="../../ui/qml/dialogs/ImageViewer.qml" line="68"/>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/ImageViewer.qml" line="81"/>
        <source>Animated image</source>
        <translation>Animiertes Bild</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/ImageViewer.qml" line="87"/>
        <source>This image cannot be shown here. Open it with another program, or save it.</source>
        <translation>Dieses Bild kann hier nicht angezeigt werden. Öffne es mit einem anderen Programm oder speichere es.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/ImageViewer.qml" line="93"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/ImageViewer.qml" line="97"/>
        <source>Save as…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/ImageViewer.qml" line="102"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../../ui/qml/Main.qml" line="17"/>
        <source>Sotto — %1</source>
        <translation>Sotto – %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Main.qml" line="17"/>
        <source>Sotto</source>
        <translation>Sotto</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Main.qml" line="60"/>
        <source>Working</source>
        <translation>Bitte warten</translation>
    </message>
</context>
<context>
    <name>MainPage</name>
    <message>
        <location filename="../../ui/qml/pages/MainPage.qml" line="45"/>
        <source>Resize the conversation list</source>
        <translation>Breite der Unterhaltungsliste ändern</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <location filename="../../ui/qml/delegates/MessageDelegate.qml" line="62"/>
        <source>This message was deleted</source>
        <translation>Diese Nachricht wurde gelöscht</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/MessageDelegate.qml" line="63"/>
        <source>This message cannot be shown: update Sotto to see it.</source>
        <translation>Diese Nachricht kann nicht angezeigt werden: Aktualisiere Sotto, um sie zu sehen.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/MessageDelegate.qml" line="72"/>
        <source>You</source>
        <translation>Du</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/MessageDelegate.qml" line="72"/>
        <source>They</source>
        <translation>Dein Kontakt</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/MessageDelegate.qml" line="73"/>
        <source>file %1, %2</source>
        <translation>Datei %1, %2</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/MessageDelegate.qml" line="74"/>
        <location filename="../../ui/qml/delegates/MessageDelegate.qml" line="301"/>
        <source>edited</source>
        <translation>bearbeitet</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/MessageDelegate.qml" line="111"/>
        <source>New messages</source>
        <translation>Neue Nachrichten</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/MessageDelegate.qml" line="223"/>
        <source>Go to the message it answers</source>
        <translation>Zur beantworteten Nachricht</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/MessageDelegate.qml" line="355"/>
        <source>Reactions: %1</source>
        <translation>Reaktionen: %1</translation>
    </message>
</context>
<context>
    <name>NewGroupDialog</name>
    <message>
        <location filename="../../ui/qml/dialogs/NewGroupDialog.qml" line="13"/>
        <source>New group</source>
        <translation>Neue Gruppe</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/NewGroupDialog.qml" line="41"/>
        <location filename="../../ui/qml/dialogs/NewGroupDialog.qml" line="42"/>
        <source>Group name</source>
        <translation>Gruppenname</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/NewGroupDialog.qml" line="49"/>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/NewGroupDialog.qml" line="63"/>
        <source>No contacts yet. Start a chat with someone first; then you can add them to a group.</source>
        <translation>Noch keine Kontakte. Beginne zuerst einen Chat mit jemandem, dann kannst du ihn zu einer Gruppe hinzufügen.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/NewGroupDialog.qml" line="84"/>
        <source>Creating…</source>
        <translation>Wird erstellt…</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/NewGroupDialog.qml" line="84"/>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/NewGroupDialog.qml" line="87"/>
        <source>Create the group</source>
        <translation>Die Gruppe erstellen</translation>
    </message>
</context>
<context>
    <name>PassphraseStrength</name>
    <message>
        <location filename="../../ui/PassphraseStrength.cpp" line="39"/>
        <source>Too short: use at least 8 characters, better several words.</source>
        <translation>Zu kurz: Verwende mindestens 8 Zeichen, besser mehrere Wörter.</translation>
    </message>
    <message>
        <location filename="../../ui/PassphraseStrength.cpp" line="42"/>
        <source>Weak: add more words or characters.</source>
        <translation>Schwach: Füge weitere Wörter oder Zeichen hinzu.</translation>
    </message>
    <message>
        <location filename="../../ui/PassphraseStrength.cpp" line="45"/>
        <source>Fair: a few more words would make it strong.</source>
        <translation>Mittel: Ein paar Wörter mehr machen sie stark.</translation>
    </message>
    <message>
        <location filename="../../ui/PassphraseStrength.cpp" line="48"/>
        <source>Good.</source>
        <translation>Gut.</translation>
    </message>
    <message>
        <location filename="../../ui/PassphraseStrength.cpp" line="51"/>
        <source>Strong.</source>
        <translation>Stark.</translation>
    </message>
</context>
<context>
    <name>PeerAddress</name>
    <message>
        <location filename="../../ui/PeerAddress.cpp" line="31"/>
        <source>Write the address as host:port, e.g. 192.168.1.20:47000 or laptop.local:47000.</source>
        <translation>Gib die Adresse als Host:Port ein, z. B. 192.168.1.20:47000 oder laptop.local:47000.</translation>
    </message>
    <message>
        <location filename="../../ui/PeerAddress.cpp" line="40"/>
        <source>The port is the number after the last colon, from 1 to 65535.</source>
        <translation>Der Port ist die Zahl nach dem letzten Doppelpunkt, von 1 bis 65535.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="72"/>
        <source>You</source>
        <translation>Du</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="63"/>
        <source>This message was deleted</source>
        <translation>Diese Nachricht wurde gelöscht</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="64"/>
        <source>The original message is not here</source>
        <translation>Die ursprüngliche Nachricht ist nicht vorhanden</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <location filename="../../ui/qml/dialogs/SearchDialog.qml" line="58"/>
        <location filename="../../ui/qml/dialogs/SearchDialog.qml" line="76"/>
        <source>Search messages</source>
        <translation>Nachrichten durchsuchen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/SearchDialog.qml" line="97"/>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/SearchDialog.qml" line="126"/>
        <source>No messages match.</source>
        <translation>Keine passenden Nachrichten.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/SearchDialog.qml" line="134"/>
        <source>Search every conversation</source>
        <translation>Alle Unterhaltungen durchsuchen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/SearchDialog.qml" line="135"/>
        <source>Words you type find the messages that contain them; Enter opens the newest hit, the arrows choose another.</source>
        <translation>Die eingegebenen Wörter finden die Nachrichten, die sie enthalten; die Eingabetaste öffnet den neuesten Treffer, mit den Pfeiltasten wählst du einen anderen.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="13"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="38"/>
        <source>Passphrase changed.</source>
        <translation>Passphrase geändert.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="49"/>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="52"/>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="53"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="53"/>
        <source>Save display name</source>
        <translation>Anzeigenamen speichern</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="58"/>
        <source>Your addresses</source>
        <translation>Deine Adressen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="61"/>
        <source>Where others can add you (Add by address):</source>
        <translation>Unter diesen Adressen können andere dich hinzufügen („Über Adresse hinzufügen“):</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="62"/>
        <source>Not reachable yet: no network address.</source>
        <translation>Noch nicht erreichbar: keine Netzwerkadresse.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="81"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="82"/>
        <source>Copy %1</source>
        <translation>%1 kopieren</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="86"/>
        <source>Hide QR</source>
        <translation>QR-Code ausblenden</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="86"/>
        <source>QR code</source>
        <translation>QR-Code</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="87"/>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="98"/>
        <source>QR code of %1</source>
        <translation>QR-Code von %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="101"/>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="102"/>
        <source>Current passphrase</source>
        <translation>Aktuelle Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="103"/>
        <source>New passphrase</source>
        <translation>Neue Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="104"/>
        <source>New passphrase again</source>
        <translation>Neue Passphrase wiederholen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="123"/>
        <source>Change passphrase</source>
        <translation>Passphrase ändern</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="129"/>
        <source>Locking</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="131"/>
        <source>Lock after</source>
        <translation>Sperren nach</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="137"/>
        <source>Lock after this many idle minutes, 0 for never</source>
        <translation>Nach so vielen Minuten Inaktivität sperren, 0 für nie</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="140"/>
        <source>idle minutes (0: never)</source>
        <translation>Minuten Inaktivität (0: nie)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="144"/>
        <source>Lock now (Ctrl+L)</source>
        <translation>Jetzt sperren (Strg+L)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="145"/>
        <source>Lock now</source>
        <translation>Jetzt sperren</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="149"/>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="151"/>
        <source>Notify me of new messages</source>
        <translation>Bei neuen Nachrichten benachrichtigen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="157"/>
        <source>Hide the sender and text in notifications</source>
        <translation>Absender und Text in Benachrichtigungen ausblenden</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="163"/>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="165"/>
        <source>Send files up to</source>
        <translation>Dateien senden bis</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="171"/>
        <source>Largest file to send, in MiB</source>
        <translation>Größte Datei zum Senden, in MiB</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="174"/>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="178"/>
        <source>Download images from contacts automatically (under 25 MB)</source>
        <translation>Bilder von Kontakten automatisch herunterladen (unter 25 MB)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="184"/>
        <source>Visible to</source>
        <translation>Sichtbar für</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="189"/>
        <source>Everyone on this network</source>
        <translation>Alle in diesem Netzwerk</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="192"/>
        <source>Visible to everyone on this network</source>
        <translation>Sichtbar für alle in diesem Netzwerk</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="197"/>
        <source>Only my contacts</source>
        <translation>Nur meine Kontakte</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="200"/>
        <source>Visible to only my contacts</source>
        <translation>Nur für meine Kontakte sichtbar</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="205"/>
        <source>Only your contacts recognise you on this network; others see an anonymous signal from this computer. People who know your address can still reach you.</source>
        <translation>Nur deine Kontakte erkennen dich in diesem Netzwerk; andere sehen ein anonymes Signal von diesem Computer. Wer deine Adresse kennt, kann dich trotzdem erreichen.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="206"/>
        <source>Everyone on this network sees your name and can write to you.</source>
        <translation>Alle in diesem Netzwerk sehen deinen Namen und können dir schreiben.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="212"/>
        <source>Privacy</source>
        <translation>Datenschutz</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="215"/>
        <source>Let contacts see when I am typing</source>
        <translation>Kontakte sehen lassen, wenn ich schreibe</translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="52"/>
        <source>Welcome to Sotto</source>
        <translation>Willkommen bei Sotto</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="59"/>
        <source>Messages to people on your network, end-to-end encrypted, with no server in between.</source>
        <translation>Nachrichten an Menschen in deinem Netzwerk, Ende-zu-Ende-verschlüsselt, ohne Server dazwischen.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="67"/>
        <source>Your name, as others will see it</source>
        <translation>Dein Name, wie andere ihn sehen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="68"/>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="77"/>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="78"/>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="91"/>
        <source>Very weak</source>
        <translation>Sehr schwach</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="91"/>
        <source>Weak</source>
        <translation>Schwach</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="91"/>
        <source>Fair</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="91"/>
        <source>Good</source>
        <translation>Gut</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="91"/>
        <source>Strong</source>
        <translation>Stark</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="96"/>
        <source>Passphrase strength: %1</source>
        <translation>Stärke der Passphrase: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="96"/>
        <source>nothing typed</source>
        <translation>nichts eingegeben</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="120"/>
        <source>Several unrelated words make a strong passphrase.</source>
        <translation>Mehrere Wörter ohne Zusammenhang ergeben eine starke Passphrase.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="129"/>
        <source>Passphrase again</source>
        <translation>Passphrase wiederholen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="130"/>
        <source>Repeat passphrase</source>
        <translation>Passphrase wiederholen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="142"/>
        <source>Write it down somewhere safe: Sotto cannot recover a lost passphrase, and without it your messages and keys stay locked for good.</source>
        <translation>Schreib sie an einem sicheren Ort auf: Sotto kann eine verlorene Passphrase nicht wiederherstellen, und ohne sie bleiben deine Nachrichten und Schlüssel für immer verschlossen.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="161"/>
        <source>Create my profile</source>
        <translation>Mein Profil erstellen</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../../ui/qml/components/Sidebar.qml" line="81"/>
        <source>Search messages</source>
        <translation>Nachrichten durchsuchen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Sidebar.qml" line="80"/>
        <source>Search (Ctrl+K)</source>
        <translation>Suchen (Strg+K)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Sidebar.qml" line="51"/>
        <source>New group</source>
        <translation>Neue Gruppe</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Sidebar.qml" line="57"/>
        <location filename="../../ui/qml/components/Sidebar.qml" line="156"/>
        <source>Add by address</source>
        <translation>Über Adresse hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Sidebar.qml" line="58"/>
        <source>Add someone by address</source>
        <translation>Jemanden über die Adresse hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Sidebar.qml" line="64"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Sidebar.qml" line="116"/>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Sidebar.qml" line="127"/>
        <source>Message requests</source>
        <translation>Nachrichtenanfragen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Sidebar.qml" line="128"/>
        <source>Blocked</source>
        <translation>Blockiert</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Sidebar.qml" line="129"/>
        <source>Nearby</source>
        <translation>In der Nähe</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Sidebar.qml" line="129"/>
        <source>Chats</source>
        <translation>Chats</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Sidebar.qml" line="154"/>
        <source>No conversations yet</source>
        <translation>Noch keine Unterhaltungen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Sidebar.qml" line="155"/>
        <source>People running Sotto on your network appear here by themselves. Someone on another network? Add them by the address their Sotto settings show.</source>
        <translation>Wer in deinem Netzwerk Sotto nutzt, erscheint hier von selbst. Jemand in einem anderen Netzwerk? Füge die Person über die Adresse hinzu, die ihre Sotto-Einstellungen zeigen.</translation>
    </message>
</context>
<context>
    <name>StateIcon</name>
    <message>
        <location filename="../../ui/qml/components/StateIcon.qml" line="10"/>
        <source>Waiting to be sent</source>
        <translation>Wartet auf das Senden</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/StateIcon.qml" line="11"/>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/StateIcon.qml" line="12"/>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/StateIcon.qml" line="13"/>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/StateIcon.qml" line="14"/>
        <source>Not sent</source>
        <translation>Nicht gesendet</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <location filename="../../ui/qml/pages/UnlockPage.qml" line="28"/>
        <source>Sotto is locked</source>
        <translation>Sotto ist gesperrt</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/UnlockPage.qml" line="36"/>
        <location filename="../../ui/qml/pages/UnlockPage.qml" line="37"/>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/UnlockPage.qml" line="55"/>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
</context>
<context>
    <name>sotto::ui::AppController</name>
    <message>
        <location filename="../../ui/AppController.cpp" line="98"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../../ui/AppController.cpp" line="113"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/AppController.cpp" line="130"/>
        <source>Messages with %1 could not be read (a profile restored from an older copy?). Sotto started a new secure session and is sending what waited again.</source>
        <translation>Nachrichten mit %1 konnten nicht gelesen werden (ein Profil aus einer älteren Kopie wiederhergestellt?). Sotto hat eine neue sichere Sitzung begonnen und sendet erneut, was noch gewartet hat.</translation>
    </message>
    <message>
        <location filename="../../ui/AppController.cpp" line="137"/>
        <source>A new contact calls itself %1. If %1 reinstalled Sotto, compare safety numbers in the new chat before you merge the two.</source>
        <translation>Ein neuer Kontakt nennt sich %1. Falls %1 Sotto neu installiert hat, vergleiche im neuen Chat die Sicherheitsnummern, bevor du die beiden zusammenführst.</translation>
    </message>
</context>
<context>
    <name>sotto::ui::AttachmentController</name>
    <message>
        <location filename="../../ui/AttachmentController.cpp" line="49"/>
        <source>Not sent: you blocked this contact.</source>
        <translation>Nicht gesendet: Du hast diesen Kontakt blockiert.</translation>
    </message>
    <message>
        <location filename="../../ui/AttachmentController.cpp" line="50"/>
        <source>Not sent: the file could not be read, or it is too large.</source>
        <translation>Nicht gesendet: Die Datei konnte nicht gelesen werden oder ist zu groß.</translation>
    </message>
    <message>
        <location filename="../../ui/AttachmentController.cpp" line="51"/>
        <source>Not sent: files cannot go to this conversation.</source>
        <translation>Nicht gesendet: In diese Unterhaltung können keine Dateien gehen.</translation>
    </message>
    <message>
        <location filename="../../ui/AttachmentController.cpp" line="53"/>
        <source>Not sent: something went wrong in Sotto (%1).</source>
        <translation>Nicht gesendet: In Sotto ist etwas schiefgegangen (%1).</translation>
    </message>
    <message>
        <location filename="../../ui/AttachmentController.cpp" line="313"/>
        <source>The image could not be pasted: Sotto has no private folder to write it to.</source>
        <translation>Das Bild konnte nicht eingefügt werden: Sotto hat keinen privaten Ordner, in den es geschrieben werden kann.</translation>
    </message>
    <message>
        <location filename="../../ui/AttachmentController.cpp" line="342"/>
        <source>The image could not be pasted.</source>
        <translation>Das Bild konnte nicht eingefügt werden.</translation>
    </message>
    <message>
        <location filename="../../ui/AttachmentController.cpp" line="209"/>
        <source>“%1” is not a file Sotto can read. Nothing was added.</source>
        <translation>„%1“ ist keine Datei, die Sotto lesen kann. Es wurde nichts hinzugefügt.</translation>
    </message>
    <message>
        <location filename="../../ui/AttachmentController.cpp" line="52"/>
        <source>Not sent: there is not enough disk space to keep its encrypted copy.</source>
        <translation>Nicht gesendet: Es ist nicht genug Speicherplatz frei, um die verschlüsselte Kopie aufzubewahren.</translation>
    </message>
    <message>
        <location filename="../../ui/AttachmentController.cpp" line="213"/>
        <source>“%1” is %2, larger than the limit of %3 set in Settings. Nothing was added.</source>
        <translation>„%1“ ist %2 groß, mehr als die in den Einstellungen festgelegte Grenze von %3. Es wurde nichts hinzugefügt.</translation>
    </message>
    <message>
        <location filename="../../ui/AttachmentController.cpp" line="268"/>
        <source>“%1” is no longer there. Take it out of the files to send.</source>
        <translation>„%1“ ist nicht mehr da. Nehmen Sie die Datei aus den zu sendenden Dateien heraus.</translation>
    </message>
    <message>
        <location filename="../../ui/AttachmentController.cpp" line="272"/>
        <source>“%1” is %2, larger than the limit of %3 set in Settings. Nothing was sent.</source>
        <translation>„%1“ ist %2 groß, mehr als die in den Einstellungen festgelegte Grenze von %3. Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <location filename="../../ui/AttachmentController.cpp" line="278"/>
        <source>The text is too long to go with the files. Nothing was sent.</source>
        <translation>Der Text ist zu lang, um mit den Dateien gesendet zu werden. Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <location filename="../../ui/AttachmentController.cpp" line="347"/>
        <source>The pasted image is %1, larger than the limit of %2 set in Settings. Nothing was added.</source>
        <translation>Das eingefügte Bild ist %1 groß, mehr als die in den Einstellungen festgelegte Grenze von %2. Es wurde nichts hinzugefügt.</translation>
    </message>
    <message>
        <location filename="../../ui/AttachmentController.cpp" line="421"/>
        <source>That file cannot be changed now.</source>
        <translation>Diese Datei kann gerade nicht geändert werden.</translation>
    </message>
    <message>
        <location filename="../../ui/AttachmentController.cpp" line="444"/>
        <source>Sotto has no private folder to open files from here.</source>
        <translation>Sotto hat keinen privaten Ordner, um Dateien von hier aus zu öffnen.</translation>
    </message>
    <message>
        <location filename="../../ui/AttachmentController.cpp" line="481"/>
        <source>The file could not be opened: it is not all here yet, or it did not match what was sent.</source>
        <translation>Die Datei konnte nicht geöffnet werden: Sie ist noch nicht ganz da, oder sie stimmt nicht mit dem Gesendeten überein.</translation>
    </message>
    <message>
        <location filename="../../ui/AttachmentController.cpp" line="534"/>
        <source>Sotto does not open programs or scripts it received. Use Save as… and open it yourself if you trust it.</source>
        <translation>Sotto öffnet keine empfangenen Programme oder Skripte. Nutze „Speichern unter…“ und öffne sie selbst, wenn du ihnen vertraust.</translation>
    </message>
    <message>
        <location filename="../../ui/AttachmentController.cpp" line="548"/>
        <source>No program here opens this kind of file. Use Save as… instead.</source>
        <translation>Kein Programm hier öffnet diese Art von Datei. Nutze stattdessen „Speichern unter…“.</translation>
    </message>
    <message>
        <location filename="../../ui/AttachmentController.cpp" line="635"/>
        <source>The file could not be saved there.</source>
        <translation>Die Datei konnte dort nicht gespeichert werden.</translation>
    </message>
    <message>
        <location filename="../../ui/AttachmentController.cpp" line="651"/>
        <source>Send files</source>
        <translation>Dateien senden</translation>
    </message>
    <message>
        <location filename="../../ui/AttachmentController.cpp" line="664"/>
        <source>Save as</source>
        <translation>Speichern unter</translation>
    </message>
</context>
<context>
    <name>sotto::ui::ContactController</name>
    <message>
        <location filename="../../ui/ContactController.cpp" line="69"/>
        <source>No safety number yet: %1</source>
        <translation>Noch keine Sicherheitsnummer: %1</translation>
    </message>
    <message>
        <location filename="../../ui/ContactController.cpp" line="86"/>
        <source>The verification was not saved: %1</source>
        <translation>Die Verifizierung wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../../ui/ContactController.cpp" line="114"/>
        <source>%1 was not blocked: %2</source>
        <translation>%1 wurde nicht blockiert: %2</translation>
    </message>
    <message>
        <location filename="../../ui/ContactController.cpp" line="114"/>
        <source>%1 was not unblocked: %2</source>
        <translation>Die Blockierung von %1 wurde nicht aufgehoben: %2</translation>
    </message>
    <message>
        <location filename="../../ui/ContactController.cpp" line="121"/>
        <source>The request was not accepted: %1</source>
        <translation>Die Anfrage wurde nicht angenommen: %1</translation>
    </message>
    <message>
        <location filename="../../ui/ContactController.cpp" line="128"/>
        <source>The request was not deleted: %1</source>
        <translation>Die Anfrage wurde nicht gelöscht: %1</translation>
    </message>
</context>
<context>
    <name>sotto::ui::ConversationListModel</name>
    <message>
        <location filename="../../ui/ConversationListModel.cpp" line="76"/>
        <source>This message was deleted</source>
        <translation>Diese Nachricht wurde gelöscht</translation>
    </message>
    <message>
        <location filename="../../ui/ConversationListModel.cpp" line="77"/>
        <source>Update Sotto to see this message</source>
        <translation>Aktualisiere Sotto, um diese Nachricht zu sehen</translation>
    </message>
    <message>
        <location filename="../../ui/ConversationListModel.cpp" line="79"/>
        <source>Disappearing messages: %1</source>
        <translation>Verschwindende Nachrichten: %1</translation>
    </message>
    <message>
        <location filename="../../ui/ConversationListModel.cpp" line="82"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../../ui/ConversationListModel.cpp" line="86"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/ConversationListModel.cpp" line="86"/>
        <source>You</source>
        <translation>Du</translation>
    </message>
</context>
<context>
    <name>sotto::ui::DemoPeer</name>
    <message>
        <location filename="../../ui/DemoPeer.cpp" line="22"/>
        <source>The demo peer could not start: %1</source>
        <translation>Der Demo-Kontakt konnte nicht starten: %1</translation>
    </message>
    <message>
        <location filename="../../ui/DemoPeer.cpp" line="26"/>
        <source>The demo peer stopped (exit code %1).</source>
        <translation>Der Demo-Kontakt wurde beendet (Exit-Code %1).</translation>
    </message>
    <message>
        <location filename="../../ui/DemoPeer.cpp" line="45"/>
        <source>The demo peer&apos;s folder is not writable.</source>
        <translation>Der Ordner des Demo-Kontakts ist nicht beschreibbar.</translation>
    </message>
    <message>
        <location filename="../../ui/DemoPeer.cpp" line="91"/>
        <source>Demo peer</source>
        <translation>Demo-Kontakt</translation>
    </message>
    <message>
        <location filename="../../ui/DemoPeer.cpp" line="98"/>
        <source>The demo peer could not open its profile.</source>
        <translation>Der Demo-Kontakt konnte sein Profil nicht öffnen.</translation>
    </message>
    <message>
        <location filename="../../ui/DemoPeer.cpp" line="102"/>
        <source>Hello! I am a demo peer: a second Sotto running on this computer. Write to me and I will answer. Open my contact page to compare safety numbers.</source>
        <translation>Hallo! Ich bin ein Demo-Kontakt: ein zweites Sotto, das auf diesem Computer läuft. Schreib mir, und ich antworte. Öffne meine Kontaktseite, um die Sicherheitsnummern zu vergleichen.</translation>
    </message>
    <message>
        <location filename="../../ui/DemoPeer.cpp" line="117"/>
        <source>Got your message (%1 words), end-to-end encrypted with a fresh key.</source>
        <translation>Deine Nachricht ist angekommen (%1 Wörter), Ende-zu-Ende-verschlüsselt mit einem neuen Schlüssel.</translation>
    </message>
    <message>
        <location filename="../../ui/DemoPeer.cpp" line="118"/>
        <source>Every message you send me moves the Double Ratchet one step: an old key can&apos;t read a new message.</source>
        <translation>Jede Nachricht, die du mir schickst, bringt den Double-Ratchet-Algorithmus einen Schritt weiter: Ein alter Schlüssel kann keine neue Nachricht lesen.</translation>
    </message>
    <message>
        <location filename="../../ui/DemoPeer.cpp" line="119"/>
        <source>Your message arrived, was stored encrypted, and my delivery and read receipts are on their way.</source>
        <translation>Deine Nachricht ist angekommen und wurde verschlüsselt gespeichert; meine Zustell- und Lesebestätigungen sind unterwegs.</translation>
    </message>
</context>
<context>
    <name>sotto::ui::DesktopController</name>
    <message>
        <location filename="../../ui/DesktopController.cpp" line="47"/>
        <source>Show Sotto</source>
        <translation>Sotto anzeigen</translation>
    </message>
    <message>
        <location filename="../../ui/DesktopController.cpp" line="48"/>
        <source>Lock now</source>
        <translation>Jetzt sperren</translation>
    </message>
    <message>
        <location filename="../../ui/DesktopController.cpp" line="50"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/DesktopController.cpp" line="109"/>
        <source>Sotto — %n unread</source>
        <translation>
            <numerusform>Sotto – %n ungelesen</numerusform>
            <numerusform>Sotto – %n ungelesen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/DesktopController.cpp" line="156"/>
        <source>New message</source>
        <translation>Neue Nachricht</translation>
    </message>
    <message>
        <location filename="../../ui/DesktopController.cpp" line="157"/>
        <source>Open Sotto to read it.</source>
        <translation>Öffne Sotto, um sie zu lesen.</translation>
    </message>
    <message>
        <location filename="../../ui/DesktopController.cpp" line="168"/>
        <source>New message request</source>
        <translation>Neue Nachrichtenanfrage</translation>
    </message>
    <message>
        <location filename="../../ui/DesktopController.cpp" line="168"/>
        <source>Message request from %1</source>
        <translation>Nachrichtenanfrage von %1</translation>
    </message>
    <message>
        <location filename="../../ui/DesktopController.cpp" line="169"/>
        <source>Accept it to chat; until then they do not know you read it.</source>
        <translation>Nimm sie an, um zu chatten; bis dahin weiß die Person nicht, dass du sie gelesen hast.</translation>
    </message>
</context>
<context>
    <name>sotto::ui::GroupController</name>
    <message>
        <location filename="../../ui/GroupController.cpp" line="98"/>
        <location filename="../../ui/GroupController.cpp" line="175"/>
        <source>Give the group a name.</source>
        <translation>Gib der Gruppe einen Namen.</translation>
    </message>
    <message>
        <location filename="../../ui/GroupController.cpp" line="100"/>
        <location filename="../../ui/GroupController.cpp" line="184"/>
        <source>Choose at least one contact.</source>
        <translation>Wähle mindestens einen Kontakt.</translation>
    </message>
    <message>
        <location filename="../../ui/GroupController.cpp" line="238"/>
        <source>One of them is blocked: unblock them first.</source>
        <translation>Einer von ihnen ist blockiert: Hebe die Blockierung zuerst auf.</translation>
    </message>
    <message>
        <location filename="../../ui/GroupController.cpp" line="239"/>
        <source>One of them is not a contact yet.</source>
        <translation>Einer von ihnen ist noch kein Kontakt.</translation>
    </message>
    <message>
        <location filename="../../ui/GroupController.cpp" line="242"/>
        <source>Not allowed: %1.</source>
        <translation>Nicht erlaubt: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/GroupController.cpp" line="243"/>
        <source>Not done: %1.</source>
        <translation>Nicht ausgeführt: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/GroupController.cpp" line="244"/>
        <source>Something went wrong: %1.</source>
        <translation>Etwas ist schiefgegangen: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/GroupController.cpp" line="83"/>
        <source>%1: read</source>
        <translation>%1: gelesen</translation>
    </message>
    <message>
        <location filename="../../ui/GroupController.cpp" line="84"/>
        <source>%1: delivered</source>
        <translation>%1: zugestellt</translation>
    </message>
    <message>
        <location filename="../../ui/GroupController.cpp" line="85"/>
        <source>%1: sent</source>
        <translation>%1: gesendet</translation>
    </message>
    <message>
        <location filename="../../ui/GroupController.cpp" line="88"/>
        <source>Delivered to %1 of %2 · read by %3</source>
        <translation>Zugestellt an %1 von %2 · gelesen von %3</translation>
    </message>
</context>
<context>
    <name>sotto::ui::MessageModel</name>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="202"/>
        <source>You set disappearing messages to %1</source>
        <translation>Du hast verschwindende Nachrichten auf %1 gestellt</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="202"/>
        <source>You turned disappearing messages off</source>
        <translation>Du hast verschwindende Nachrichten ausgeschaltet</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="203"/>
        <source>%1 set disappearing messages to %2</source>
        <translation>%1 hat verschwindende Nachrichten auf %2 gestellt</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="204"/>
        <source>%1 turned disappearing messages off</source>
        <translation>%1 hat verschwindende Nachrichten ausgeschaltet</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="282"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="286"/>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/MessageModel.cpp" line="288"/>
        <source>%n h left</source>
        <translation>
            <numerusform>noch %n Std.</numerusform>
            <numerusform>noch %n Std.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/MessageModel.cpp" line="289"/>
        <source>%n min left</source>
        <translation>
            <numerusform>noch %n Min.</numerusform>
            <numerusform>noch %n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/MessageModel.cpp" line="290"/>
        <source>%n s left</source>
        <translation>
            <numerusform>noch %n s</numerusform>
            <numerusform>noch %n s</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="665"/>
        <source>Not sent: you blocked this contact.</source>
        <translation>Nicht gesendet: Du hast diesen Kontakt blockiert.</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="666"/>
        <source>Not sent: the message is too long.</source>
        <translation>Nicht gesendet: Die Nachricht ist zu lang.</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="667"/>
        <source>Not sent: you are no longer a member of this group.</source>
        <translation>Nicht gesendet: Du bist kein Mitglied dieser Gruppe mehr.</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="668"/>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="833"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="835"/>
        <source>1 week</source>
        <translation>1 Woche</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="835"/>
        <source>%1 weeks</source>
        <translation>%1 Wochen</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="837"/>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="837"/>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="839"/>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="839"/>
        <source>%1 hours</source>
        <translation>%1 Stunden</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="841"/>
        <source>1 minute</source>
        <translation>1 Minute</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="841"/>
        <source>%1 minutes</source>
        <translation>%1 Minuten</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="842"/>
        <source>1 second</source>
        <translation>1 Sekunde</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="842"/>
        <source>%1 seconds</source>
        <translation>%1 Sekunden</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="875"/>
        <source>Not changed: %1.</source>
        <translation>Nicht geändert: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="876"/>
        <source>Not changed: the text is empty or too long.</source>
        <translation>Nicht geändert: Der Text ist leer oder zu lang.</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="877"/>
        <source>Not changed: %1</source>
        <translation>Nicht geändert: %1</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="958"/>
        <source>The conversations were not merged: %1</source>
        <translation>Die Unterhaltungen wurden nicht zusammengeführt: %1</translation>
    </message>
</context>
<context>
    <name>sotto::ui::SessionController</name>
    <message>
        <location filename="../../ui/SessionController.cpp" line="38"/>
        <source>Choose a display name: it cannot be empty or only spaces.</source>
        <translation>Wähle einen Anzeigenamen: Er darf nicht leer sein oder nur aus Leerzeichen bestehen.</translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="40"/>
        <source>A display name has at most %1 characters; this one has %2.</source>
        <translation>Ein Anzeigename hat höchstens %1 Zeichen; dieser hat %2.</translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="50"/>
        <source>The passphrase needs at least 8 characters.</source>
        <translation>Die Passphrase braucht mindestens 8 Zeichen.</translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="52"/>
        <source>The two passphrases differ.</source>
        <translation>Die beiden Passphrasen stimmen nicht überein.</translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="59"/>
        <source>Enter your passphrase.</source>
        <translation>Gib deine Passphrase ein.</translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="75"/>
        <source>Wrong passphrase. Nothing was changed; try again.</source>
        <translation>Falsche Passphrase. Es wurde nichts geändert; versuch es noch einmal.</translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="78"/>
        <source>This profile was written by a newer Sotto. Update Sotto to open it.</source>
        <translation>Dieses Profil stammt von einer neueren Sotto-Version. Aktualisiere Sotto, um es zu öffnen.</translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="81"/>
        <source>This profile is open in another Sotto. Close that one first.</source>
        <translation>Dieses Profil ist in einem anderen Sotto geöffnet. Schließen Sie es dort zuerst.</translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="84"/>
        <source>The profile could not be opened: %1</source>
        <translation>Das Profil konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="111"/>
        <source>The new passphrase needs at least 8 characters.</source>
        <translation>Die neue Passphrase braucht mindestens 8 Zeichen.</translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="113"/>
        <source>The two new passphrases differ.</source>
        <translation>Die beiden neuen Passphrasen stimmen nicht überein.</translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="127"/>
        <source>The current passphrase is wrong.</source>
        <translation>Die aktuelle Passphrase ist falsch.</translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="128"/>
        <source>The passphrase was not changed: %1</source>
        <translation>Die Passphrase wurde nicht geändert: %1</translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="148"/>
        <source>The display name was not saved.</source>
        <translation>Der Anzeigename wurde nicht gespeichert.</translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="165"/>
        <source>The visibility was not saved.</source>
        <translation>Die Sichtbarkeit wurde nicht gespeichert.</translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="197"/>
        <source>No computer named %1 was found on the network.</source>
        <translation>Im Netzwerk wurde kein Computer namens %1 gefunden.</translation>
    </message>
</context>
<context>
    <name>sotto::ui::TypingTracker</name>
    <message>
        <location filename="../../ui/TypingTracker.cpp" line="98"/>
        <source>%1 is typing…</source>
        <translation>%1 schreibt…</translation>
    </message>
    <message>
        <location filename="../../ui/TypingTracker.cpp" line="99"/>
        <source>%1 and %2 are typing…</source>
        <translation>%1 und %2 schreiben…</translation>
    </message>
    <message>
        <location filename="../../ui/TypingTracker.cpp" line="100"/>
        <source>%1, %2 and one other are typing…</source>
        <translation>%1, %2 und eine weitere Person schreiben…</translation>
    </message>
    <message>
        <location filename="../../ui/TypingTracker.cpp" line="102"/>
        <source>%1, %2 and %3 others are typing…</source>
        <translation>%1, %2 und %3 weitere schreiben…</translation>
    </message>
</context>
</TS>
