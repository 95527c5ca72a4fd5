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
        <location filename="../../ui/qml/dialogs/AddPeerDialog.qml" line="35"/>
        <source>Ask the other person for an address shown in their Sotto settings, e.g. 192.168.1.20:47000 (a computer&apos;s name works too: laptop.local:47000).</source>
        <translation>Frag die andere Person nach einer Adresse aus ihren Sotto-Einstellungen, z. B. 192.168.1.20:47000 (der Name eines Computers geht auch: laptop.local:47000).</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/AddPeerDialog.qml" line="42"/>
        <source>host:port</source>
        <translation>Host:Port</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/AddPeerDialog.qml" line="43"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/AddPeerDialog.qml" line="60"/>
        <source>Looking up…</source>
        <translation>Wird gesucht…</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/AddPeerDialog.qml" line="60"/>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="28"/>
        <source>Back to conversations</source>
        <translation>Zurück zu den Unterhaltungen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="63"/>
        <source>✔ verified</source>
        <translation>✔ verifiziert</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="73"/>
        <source>typing…</source>
        <translation>schreibt…</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="74"/>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="74"/>
        <source>offline — messages wait until they are back</source>
        <translation>offline – Nachrichten warten, bis die Person wieder da ist</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="86"/>
        <location filename="../../ui/qml/pages/ChatView.qml" line="100"/>
        <source>Disappearing messages: %1</source>
        <translation>Verschwindende Nachrichten: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="88"/>
        <source>Disappearing messages</source>
        <translation>Verschwindende Nachrichten</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="108"/>
        <source>Safety number</source>
        <translation>Sicherheitsnummer</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="109"/>
        <location filename="../../ui/qml/pages/ChatView.qml" line="111"/>
        <source>Contact and safety number</source>
        <translation>Kontakt und Sicherheitsnummer</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="117"/>
        <source>More for this conversation</source>
        <translation>Mehr zu dieser Unterhaltung</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="119"/>
        <source>More</source>
        <translation>Mehr</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="128"/>
        <location filename="../../ui/qml/pages/ChatView.qml" line="527"/>
        <source>Unblock %1</source>
        <translation>%1 nicht mehr blockieren</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="128"/>
        <location filename="../../ui/qml/pages/ChatView.qml" line="487"/>
        <source>Block %1</source>
        <translation>%1 blockieren</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="140"/>
        <source>Choose a conversation, or someone nearby, to start.</source>
        <translation>Wähle eine Unterhaltung oder jemanden in der Nähe, um zu beginnen.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="162"/>
        <source>Maybe %1 with a new key? A contact of that name is already in your list. If they reinstalled Sotto, compare safety numbers with them, then merge the two conversations. Anyone can take a name.</source>
        <translation>Vielleicht %1 mit einem neuen Schlüssel? Ein Kontakt mit diesem Namen ist schon in deiner Liste. Falls die Person Sotto neu installiert hat, vergleiche eure Sicherheitsnummern und führe dann die beiden Unterhaltungen zusammen. Jeder kann sich jeden Namen geben.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="168"/>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="169"/>
        <source>Compare safety numbers</source>
        <translation>Sicherheitsnummern vergleichen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="174"/>
        <source>Same person: merge</source>
        <translation>Dieselbe Person: zusammenführen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="175"/>
        <source>It is %1: merge the conversations</source>
        <translation>Es ist %1: Unterhaltungen zusammenführen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="180"/>
        <source>Not them</source>
        <translation>Jemand anderes</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="181"/>
        <source>Not the same person</source>
        <translation>Nicht dieselbe Person</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="206"/>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="227"/>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="263"/>
        <source>React</source>
        <translation>Reagieren</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="274"/>
        <location filename="../../ui/qml/pages/ChatView.qml" line="564"/>
        <source>React with %1</source>
        <translation>Mit %1 reagieren</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="282"/>
        <source>Reply</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="289"/>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="296"/>
        <source>More reactions…</source>
        <translation>Weitere Reaktionen…</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="303"/>
        <location filename="../../ui/qml/pages/ChatView.qml" line="575"/>
        <source>Edit history</source>
        <translation>Bearbeitungsverlauf</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="310"/>
        <source>Remove my reaction</source>
        <translation>Meine Reaktion entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="317"/>
        <source>Copy text</source>
        <translation>Text kopieren</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="325"/>
        <source>Delete for me</source>
        <translation>Für mich löschen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="331"/>
        <source>Delete for everyone</source>
        <translation>Für alle löschen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/pages/ChatView.qml" line="450"/>
        <source>Go to the newest message, %n new</source>
        <translation>
            <numerusform>Zur neuesten Nachricht, %n neue</numerusform>
            <numerusform>Zur neuesten Nachricht, %n neue</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="450"/>
        <source>Go to the newest message</source>
        <translation>Zur neuesten Nachricht</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="478"/>
        <source>%1 is not in your contacts and wants to message you. They will not know you have seen their messages until you accept.</source>
        <translation>%1 ist nicht in deinen Kontakten und möchte dir schreiben. Bis du annimmst, erfährt %1 nicht, dass du die Nachrichten gesehen hast.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="486"/>
        <source>Block</source>
        <translation>Blockieren</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="492"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="493"/>
        <source>Delete the request and its messages</source>
        <translation>Die Anfrage und ihre Nachrichten löschen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="498"/>
        <source>Accept</source>
        <translation>Annehmen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="500"/>
        <source>Accept the message request of %1</source>
        <translation>Die Nachrichtenanfrage von %1 annehmen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="520"/>
        <source>You blocked %1. Nothing is sent to or taken from them.</source>
        <translation>Du hast %1 blockiert. Es wird nichts an %1 gesendet und nichts von %1 angenommen.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="526"/>
        <source>Unblock</source>
        <translation>Nicht mehr blockieren</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="587"/>
        <source>Earlier texts</source>
        <translation>Frühere Fassungen</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="34"/>
        <source>Editing your message</source>
        <translation>Du bearbeitest deine Nachricht</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="35"/>
        <source>Replying to: %1</source>
        <translation>Antwort auf: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="44"/>
        <source>Cancel editing</source>
        <translation>Bearbeiten abbrechen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="44"/>
        <source>Cancel reply</source>
        <translation>Antwort abbrechen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="69"/>
        <source>Write a message</source>
        <translation>Nachricht schreiben</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="69"/>
        <source>Sending is paused</source>
        <translation>Senden ist pausiert</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="82"/>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="108"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="108"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="114"/>
        <source>Send message</source>
        <translation>Nachricht senden</translation>
    </message>
</context>
<context>
    <name>ContactPage</name>
    <message>
        <location filename="../../ui/qml/pages/ContactPage.qml" line="36"/>
        <source>Safety number</source>
        <translation>Sicherheitsnummer</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ContactPage.qml" line="42"/>
        <source>Compare these digits with the ones on %1&apos;s screen. If they match, nobody is in between.</source>
        <translation>Vergleiche diese Ziffern mit denen auf dem Bildschirm von %1. Wenn sie übereinstimmen, sitzt niemand dazwischen.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ContactPage.qml" line="55"/>
        <source>Safety number %1</source>
        <translation>Sicherheitsnummer %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ContactPage.qml" line="80"/>
        <source>Safety number as a QR code</source>
        <translation>Sicherheitsnummer als QR-Code</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ContactPage.qml" line="84"/>
        <source>Verified: the numbers match</source>
        <translation>Verifiziert: Die Nummern stimmen überein</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ContactPage.qml" line="87"/>
        <source>Mark as verified</source>
        <translation>Als verifiziert markieren</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ContactPage.qml" line="92"/>
        <source>Blocked: nothing is sent to or taken from them</source>
        <translation>Blockiert: Es wird nichts gesendet und nichts angenommen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ContactPage.qml" line="95"/>
        <source>Block %1</source>
        <translation>%1 blockieren</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ContactPage.qml" line="99"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>ConversationDelegate</name>
    <message>
        <location filename="../../ui/qml/delegates/ConversationDelegate.qml" line="33"/>
        <source>%1, %2 unread</source>
        <translation>%1, %2 ungelesen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/ConversationDelegate.qml" line="60"/>
        <source>verified</source>
        <translation>verifiziert</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/ConversationDelegate.qml" line="82"/>
        <source>typing…</source>
        <translation>schreibt…</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/ConversationDelegate.qml" line="82"/>
        <source>Nearby — say hello</source>
        <translation>In der Nähe – sag Hallo</translation>
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
        <location filename="../../ui/qml/delegates/MessageDelegate.qml" line="35"/>
        <source>This message was deleted</source>
        <translation>Diese Nachricht wurde gelöscht</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/MessageDelegate.qml" line="36"/>
        <source>This message cannot be shown: update Sotto to see it.</source>
        <translation>Diese Nachricht kann nicht angezeigt werden: Aktualisiere Sotto, um sie zu sehen.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/MessageDelegate.qml" line="41"/>
        <source>You</source>
        <translation>Du</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/MessageDelegate.qml" line="41"/>
        <source>They</source>
        <translation>Dein Kontakt</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/MessageDelegate.qml" line="42"/>
        <location filename="../../ui/qml/delegates/MessageDelegate.qml" line="192"/>
        <source>edited</source>
        <translation>bearbeitet</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/MessageDelegate.qml" line="46"/>
        <source>queued</source>
        <translation>wartet</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/MessageDelegate.qml" line="47"/>
        <source>✓ sent</source>
        <translation>✓ gesendet</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/MessageDelegate.qml" line="48"/>
        <source>✓✓ delivered</source>
        <translation>✓✓ zugestellt</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/MessageDelegate.qml" line="49"/>
        <source>✓✓ read</source>
        <translation>✓✓ gelesen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/MessageDelegate.qml" line="50"/>
        <source>⚠ failed</source>
        <translation>⚠ fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/MessageDelegate.qml" line="83"/>
        <source>New messages</source>
        <translation>Neue Nachrichten</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/MessageDelegate.qml" line="154"/>
        <source>Go to the message it answers</source>
        <translation>Zur beantworteten Nachricht</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/MessageDelegate.qml" line="221"/>
        <source>Reactions: %1</source>
        <translation>Reaktionen: %1</translation>
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
        <location filename="../../ui/MessageModel.cpp" line="61"/>
        <source>You</source>
        <translation>Du</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="74"/>
        <source>This message was deleted</source>
        <translation>Diese Nachricht wurde gelöscht</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="76"/>
        <source>The original message is not here</source>
        <translation>Die ursprüngliche Nachricht ist nicht vorhanden</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <location filename="../../ui/qml/dialogs/SearchDialog.qml" line="48"/>
        <location filename="../../ui/qml/dialogs/SearchDialog.qml" line="49"/>
        <source>Search messages</source>
        <translation>Nachrichten durchsuchen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/SearchDialog.qml" line="70"/>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/SearchDialog.qml" line="99"/>
        <source>No messages match.</source>
        <translation>Keine passenden Nachrichten.</translation>
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
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="33"/>
        <source>Passphrase changed.</source>
        <translation>Passphrase geändert.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="44"/>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="47"/>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="48"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="48"/>
        <source>Save display name</source>
        <translation>Anzeigenamen speichern</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="53"/>
        <source>Your addresses</source>
        <translation>Deine Adressen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="56"/>
        <source>Where others can add you (Add by address):</source>
        <translation>Unter diesen Adressen können andere dich hinzufügen („Über Adresse hinzufügen“):</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="57"/>
        <source>Not reachable yet: no network address.</source>
        <translation>Noch nicht erreichbar: keine Netzwerkadresse.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="76"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="77"/>
        <source>Copy %1</source>
        <translation>%1 kopieren</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="81"/>
        <source>Hide QR</source>
        <translation>QR-Code ausblenden</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="81"/>
        <source>QR code</source>
        <translation>QR-Code</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="82"/>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="93"/>
        <source>QR code of %1</source>
        <translation>QR-Code von %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="96"/>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="97"/>
        <source>Current passphrase</source>
        <translation>Aktuelle Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="98"/>
        <source>New passphrase</source>
        <translation>Neue Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="99"/>
        <source>New passphrase again</source>
        <translation>Neue Passphrase wiederholen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="118"/>
        <source>Change passphrase</source>
        <translation>Passphrase ändern</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="124"/>
        <source>Locking</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="126"/>
        <source>Lock after</source>
        <translation>Sperren nach</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="132"/>
        <source>Lock after this many idle minutes, 0 for never</source>
        <translation>Nach so vielen Minuten Inaktivität sperren, 0 für nie</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="135"/>
        <source>idle minutes (0: never)</source>
        <translation>Minuten Inaktivität (0: nie)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="139"/>
        <source>Lock now (Ctrl+L)</source>
        <translation>Jetzt sperren (Strg+L)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="140"/>
        <source>Lock now</source>
        <translation>Jetzt sperren</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="144"/>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="146"/>
        <source>Notify me of new messages</source>
        <translation>Bei neuen Nachrichten benachrichtigen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="152"/>
        <source>Hide the sender and text in notifications</source>
        <translation>Absender und Text in Benachrichtigungen ausblenden</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="158"/>
        <source>Visible to</source>
        <translation>Sichtbar für</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="163"/>
        <source>Everyone on this network</source>
        <translation>Alle in diesem Netzwerk</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="166"/>
        <source>Visible to everyone on this network</source>
        <translation>Sichtbar für alle in diesem Netzwerk</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="171"/>
        <source>Only my contacts</source>
        <translation>Nur meine Kontakte</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="174"/>
        <source>Visible to only my contacts</source>
        <translation>Nur für meine Kontakte sichtbar</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="179"/>
        <source>Only your contacts recognise you on this network; others see an anonymous signal from this computer. People who know your address can still reach you.</source>
        <translation>Nur deine Kontakte erkennen dich in diesem Netzwerk; andere sehen ein anonymes Signal von diesem Computer. Wer deine Adresse kennt, kann dich trotzdem erreichen.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="180"/>
        <source>Everyone on this network sees your name and can write to you.</source>
        <translation>Alle in diesem Netzwerk sehen deinen Namen und können dir schreiben.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="186"/>
        <source>Privacy</source>
        <translation>Datenschutz</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="189"/>
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
        <location filename="../../ui/qml/components/Sidebar.qml" line="44"/>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Sidebar.qml" line="46"/>
        <source>Search messages</source>
        <translation>Nachrichten durchsuchen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Sidebar.qml" line="48"/>
        <source>Search (Ctrl+K)</source>
        <translation>Suchen (Strg+K)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Sidebar.qml" line="52"/>
        <location filename="../../ui/qml/components/Sidebar.qml" line="54"/>
        <location filename="../../ui/qml/components/Sidebar.qml" line="56"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Sidebar.qml" line="73"/>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Sidebar.qml" line="84"/>
        <source>Message requests</source>
        <translation>Nachrichtenanfragen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Sidebar.qml" line="85"/>
        <source>Blocked</source>
        <translation>Blockiert</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Sidebar.qml" line="86"/>
        <source>Nearby</source>
        <translation>In der Nähe</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Sidebar.qml" line="86"/>
        <source>Chats</source>
        <translation>Chats</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Sidebar.qml" line="106"/>
        <source>Nobody here yet. People running Sotto on your network appear by themselves; or add one by address below.</source>
        <translation>Noch niemand da. Wer in deinem Netzwerk Sotto nutzt, erscheint hier von selbst – oder füge unten jemanden über die Adresse hinzu.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Sidebar.qml" line="115"/>
        <source>Add by address…</source>
        <translation>Über Adresse hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Sidebar.qml" line="118"/>
        <source>Add a peer by address</source>
        <translation>Jemanden über die Adresse hinzufügen</translation>
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
        <location filename="../../ui/AppController.cpp" line="99"/>
        <source>Messages with %1 could not be read (a profile restored from an older copy?). Sotto started a new secure session and is sending what waited again.</source>
        <translation>Nachrichten mit %1 konnten nicht gelesen werden (ein Profil aus einer älteren Kopie wiederhergestellt?). Sotto hat eine neue sichere Sitzung begonnen und sendet erneut, was noch gewartet hat.</translation>
    </message>
    <message>
        <location filename="../../ui/AppController.cpp" line="106"/>
        <source>A new contact calls itself %1. If %1 reinstalled Sotto, compare safety numbers in the new chat before you merge the two.</source>
        <translation>Ein neuer Kontakt nennt sich %1. Falls %1 Sotto neu installiert hat, vergleiche im neuen Chat die Sicherheitsnummern, bevor du die beiden zusammenführst.</translation>
    </message>
</context>
<context>
    <name>sotto::ui::ComposerController</name>
    <message>
        <location filename="../../ui/ComposerController.cpp" line="237"/>
        <source>Images cannot be sent yet: Sotto sends text only for now.</source>
        <translation>Bilder können noch nicht gesendet werden: Sotto sendet vorerst nur Text.</translation>
    </message>
    <message>
        <location filename="../../ui/ComposerController.cpp" line="239"/>
        <source>Files cannot be sent yet: Sotto sends text only for now.</source>
        <translation>Dateien können noch nicht gesendet werden: Sotto sendet vorerst nur Text.</translation>
    </message>
</context>
<context>
    <name>sotto::ui::ContactController</name>
    <message>
        <location filename="../../ui/ContactController.cpp" line="67"/>
        <source>No safety number yet: %1</source>
        <translation>Noch keine Sicherheitsnummer: %1</translation>
    </message>
    <message>
        <location filename="../../ui/ContactController.cpp" line="84"/>
        <source>The verification was not saved: %1</source>
        <translation>Die Verifizierung wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../../ui/ContactController.cpp" line="112"/>
        <source>%1 was not blocked: %2</source>
        <translation>%1 wurde nicht blockiert: %2</translation>
    </message>
    <message>
        <location filename="../../ui/ContactController.cpp" line="112"/>
        <source>%1 was not unblocked: %2</source>
        <translation>Die Blockierung von %1 wurde nicht aufgehoben: %2</translation>
    </message>
    <message>
        <location filename="../../ui/ContactController.cpp" line="119"/>
        <source>The request was not accepted: %1</source>
        <translation>Die Anfrage wurde nicht angenommen: %1</translation>
    </message>
    <message>
        <location filename="../../ui/ContactController.cpp" line="126"/>
        <source>The request was not deleted: %1</source>
        <translation>Die Anfrage wurde nicht gelöscht: %1</translation>
    </message>
</context>
<context>
    <name>sotto::ui::ConversationListModel</name>
    <message>
        <location filename="../../ui/ConversationListModel.cpp" line="92"/>
        <source>This message was deleted</source>
        <translation>Diese Nachricht wurde gelöscht</translation>
    </message>
    <message>
        <location filename="../../ui/ConversationListModel.cpp" line="93"/>
        <source>Update Sotto to see this message</source>
        <translation>Aktualisiere Sotto, um diese Nachricht zu sehen</translation>
    </message>
    <message>
        <location filename="../../ui/ConversationListModel.cpp" line="95"/>
        <source>Disappearing messages: %1</source>
        <translation>Verschwindende Nachrichten: %1</translation>
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
    <name>sotto::ui::MessageModel</name>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="205"/>
        <source>You set disappearing messages to %1</source>
        <translation>Du hast verschwindende Nachrichten auf %1 gestellt</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="205"/>
        <source>You turned disappearing messages off</source>
        <translation>Du hast verschwindende Nachrichten ausgeschaltet</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="206"/>
        <source>%1 set disappearing messages to %2</source>
        <translation>%1 hat verschwindende Nachrichten auf %2 gestellt</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="207"/>
        <source>%1 turned disappearing messages off</source>
        <translation>%1 hat verschwindende Nachrichten ausgeschaltet</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="453"/>
        <source>Not sent: you blocked this contact.</source>
        <translation>Nicht gesendet: Du hast diesen Kontakt blockiert.</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="454"/>
        <source>Not sent: the message is too long.</source>
        <translation>Nicht gesendet: Die Nachricht ist zu lang.</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="455"/>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="607"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="609"/>
        <source>1 week</source>
        <translation>1 Woche</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="609"/>
        <source>%1 weeks</source>
        <translation>%1 Wochen</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="611"/>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="611"/>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="613"/>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="613"/>
        <source>%1 hours</source>
        <translation>%1 Stunden</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="615"/>
        <source>1 minute</source>
        <translation>1 Minute</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="615"/>
        <source>%1 minutes</source>
        <translation>%1 Minuten</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="616"/>
        <source>1 second</source>
        <translation>1 Sekunde</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="616"/>
        <source>%1 seconds</source>
        <translation>%1 Sekunden</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="649"/>
        <source>Not changed: %1.</source>
        <translation>Nicht geändert: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="650"/>
        <source>Not changed: the text is empty or too long.</source>
        <translation>Nicht geändert: Der Text ist leer oder zu lang.</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="651"/>
        <source>Not changed: %1</source>
        <translation>Nicht geändert: %1</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="727"/>
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
        <source>The profile could not be opened: %1</source>
        <translation>Das Profil konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="108"/>
        <source>The new passphrase needs at least 8 characters.</source>
        <translation>Die neue Passphrase braucht mindestens 8 Zeichen.</translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="110"/>
        <source>The two new passphrases differ.</source>
        <translation>Die beiden neuen Passphrasen stimmen nicht überein.</translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="124"/>
        <source>The current passphrase is wrong.</source>
        <translation>Die aktuelle Passphrase ist falsch.</translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="125"/>
        <source>The passphrase was not changed: %1</source>
        <translation>Die Passphrase wurde nicht geändert: %1</translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="145"/>
        <source>The display name was not saved.</source>
        <translation>Der Anzeigename wurde nicht gespeichert.</translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="162"/>
        <source>The visibility was not saved.</source>
        <translation>Die Sichtbarkeit wurde nicht gespeichert.</translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="194"/>
        <source>No computer named %1 was found on the network.</source>
        <translation>Im Netzwerk wurde kein Computer namens %1 gefunden.</translation>
    </message>
</context>
</TS>
