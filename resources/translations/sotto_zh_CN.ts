<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddPeerDialog</name>
    <message>
        <location filename="../../ui/qml/dialogs/AddPeerDialog.qml" line="12"/>
        <source>Add by address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/AddPeerDialog.qml" line="35"/>
        <source>Ask the other person for an address shown in their Sotto settings, e.g. 192.168.1.20:47000 (a computer&apos;s name works too: laptop.local:47000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/AddPeerDialog.qml" line="42"/>
        <source>host:port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/AddPeerDialog.qml" line="43"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/AddPeerDialog.qml" line="60"/>
        <source>Looking up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/AddPeerDialog.qml" line="60"/>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="52"/>
        <source>✔ verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="62"/>
        <source>typing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="63"/>
        <source>online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="63"/>
        <source>offline — messages wait until they are back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="75"/>
        <location filename="../../ui/qml/pages/ChatView.qml" line="89"/>
        <source>Disappearing messages: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="77"/>
        <source>Disappearing messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="97"/>
        <source>Safety number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="98"/>
        <location filename="../../ui/qml/pages/ChatView.qml" line="100"/>
        <source>Contact and safety number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="110"/>
        <source>Choose a conversation, or someone nearby, to start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="132"/>
        <source>Maybe %1 with a new key? A contact of that name is already in your list. If they reinstalled Sotto, compare safety numbers with them, then merge the two conversations. Anyone can take a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="138"/>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="139"/>
        <source>Compare safety numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="144"/>
        <source>Same person: merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="145"/>
        <source>It is %1: merge the conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="150"/>
        <source>Not them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="151"/>
        <source>Not the same person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="176"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="197"/>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="233"/>
        <source>React</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="244"/>
        <location filename="../../ui/qml/pages/ChatView.qml" line="464"/>
        <source>React with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="252"/>
        <source>Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="259"/>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="266"/>
        <source>More reactions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="273"/>
        <location filename="../../ui/qml/pages/ChatView.qml" line="475"/>
        <source>Edit history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="280"/>
        <source>Remove my reaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="287"/>
        <source>Copy text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="295"/>
        <source>Delete for me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="301"/>
        <source>Delete for everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/pages/ChatView.qml" line="420"/>
        <source>Go to the newest message, %n new</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="420"/>
        <source>Go to the newest message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="487"/>
        <source>Earlier texts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="34"/>
        <source>Editing your message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="35"/>
        <source>Replying to: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="44"/>
        <source>Cancel editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="44"/>
        <source>Cancel reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="57"/>
        <source>Write a message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="57"/>
        <source>Sending is paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="70"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="87"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="87"/>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="90"/>
        <source>Send message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactPage</name>
    <message>
        <location filename="../../ui/qml/pages/ContactPage.qml" line="36"/>
        <source>Safety number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ContactPage.qml" line="42"/>
        <source>Compare these digits with the ones on %1&apos;s screen. If they match, nobody is in between.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ContactPage.qml" line="55"/>
        <source>Safety number %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ContactPage.qml" line="80"/>
        <source>Safety number as a QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ContactPage.qml" line="84"/>
        <source>Verified: the numbers match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ContactPage.qml" line="87"/>
        <source>Mark as verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ContactPage.qml" line="91"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationDelegate</name>
    <message>
        <location filename="../../ui/qml/delegates/ConversationDelegate.qml" line="33"/>
        <source>%1, %2 unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/ConversationDelegate.qml" line="71"/>
        <source>typing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/ConversationDelegate.qml" line="71"/>
        <source>Nearby — say hello</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../../ui/qml/Main.qml" line="17"/>
        <source>Sotto — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/Main.qml" line="17"/>
        <source>Sotto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/Main.qml" line="60"/>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <location filename="../../ui/qml/delegates/MessageDelegate.qml" line="35"/>
        <source>This message was deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/MessageDelegate.qml" line="36"/>
        <source>This message cannot be shown: update Sotto to see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/MessageDelegate.qml" line="41"/>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/MessageDelegate.qml" line="41"/>
        <source>They</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/MessageDelegate.qml" line="42"/>
        <location filename="../../ui/qml/delegates/MessageDelegate.qml" line="192"/>
        <source>edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/MessageDelegate.qml" line="46"/>
        <source>queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/MessageDelegate.qml" line="47"/>
        <source>✓ sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/MessageDelegate.qml" line="48"/>
        <source>✓✓ delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/MessageDelegate.qml" line="49"/>
        <source>✓✓ read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/MessageDelegate.qml" line="50"/>
        <source>⚠ failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/MessageDelegate.qml" line="83"/>
        <source>New messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/MessageDelegate.qml" line="154"/>
        <source>Go to the message it answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/MessageDelegate.qml" line="221"/>
        <source>Reactions: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphraseStrength</name>
    <message>
        <location filename="../../ui/PassphraseStrength.cpp" line="39"/>
        <source>Too short: use at least 8 characters, better several words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PassphraseStrength.cpp" line="42"/>
        <source>Weak: add more words or characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PassphraseStrength.cpp" line="45"/>
        <source>Fair: a few more words would make it strong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PassphraseStrength.cpp" line="48"/>
        <source>Good.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PassphraseStrength.cpp" line="51"/>
        <source>Strong.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeerAddress</name>
    <message>
        <location filename="../../ui/PeerAddress.cpp" line="31"/>
        <source>Write the address as host:port, e.g. 192.168.1.20:47000 or laptop.local:47000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PeerAddress.cpp" line="40"/>
        <source>The port is the number after the last colon, from 1 to 65535.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="60"/>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="73"/>
        <source>This message was deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="75"/>
        <source>The original message is not here</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <location filename="../../ui/qml/dialogs/SearchDialog.qml" line="48"/>
        <location filename="../../ui/qml/dialogs/SearchDialog.qml" line="49"/>
        <source>Search messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/SearchDialog.qml" line="70"/>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/SearchDialog.qml" line="99"/>
        <source>No messages match.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="12"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="32"/>
        <source>Passphrase changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="43"/>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="46"/>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="47"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="47"/>
        <source>Save display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="52"/>
        <source>Your addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="55"/>
        <source>Where others can add you (Add by address):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="56"/>
        <source>Not reachable yet: no network address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="75"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="76"/>
        <source>Copy %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="80"/>
        <source>Hide QR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="80"/>
        <source>QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="81"/>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="92"/>
        <source>QR code of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="95"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="96"/>
        <source>Current passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="97"/>
        <source>New passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="98"/>
        <source>New passphrase again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="117"/>
        <source>Change passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="123"/>
        <source>Locking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="125"/>
        <source>Lock after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="131"/>
        <source>Lock after this many idle minutes, 0 for never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="134"/>
        <source>idle minutes (0: never)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="138"/>
        <source>Lock now (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="139"/>
        <source>Lock now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="143"/>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="145"/>
        <source>Notify me of new messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="151"/>
        <source>Hide the sender and text in notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="157"/>
        <source>Privacy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="160"/>
        <source>Let contacts see when I am typing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="52"/>
        <source>Welcome to Sotto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="59"/>
        <source>Messages to people on your network, end-to-end encrypted, with no server in between.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="67"/>
        <source>Your name, as others will see it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="68"/>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="77"/>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="78"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="91"/>
        <source>Very weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="91"/>
        <source>Weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="91"/>
        <source>Fair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="91"/>
        <source>Good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="91"/>
        <source>Strong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="96"/>
        <source>Passphrase strength: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="96"/>
        <source>nothing typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="120"/>
        <source>Several unrelated words make a strong passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="129"/>
        <source>Passphrase again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="130"/>
        <source>Repeat passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="142"/>
        <source>Write it down somewhere safe: Sotto cannot recover a lost passphrase, and without it your messages and keys stay locked for good.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="161"/>
        <source>Create my profile</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../../ui/qml/components/Sidebar.qml" line="43"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Sidebar.qml" line="45"/>
        <source>Search messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Sidebar.qml" line="47"/>
        <source>Search (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Sidebar.qml" line="51"/>
        <location filename="../../ui/qml/components/Sidebar.qml" line="53"/>
        <location filename="../../ui/qml/components/Sidebar.qml" line="55"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Sidebar.qml" line="72"/>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Sidebar.qml" line="81"/>
        <source>Nearby</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Sidebar.qml" line="101"/>
        <source>Nobody here yet. People running Sotto on your network appear by themselves; or add one by address below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Sidebar.qml" line="110"/>
        <source>Add by address…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Sidebar.qml" line="113"/>
        <source>Add a peer by address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <location filename="../../ui/qml/pages/UnlockPage.qml" line="28"/>
        <source>Sotto is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/UnlockPage.qml" line="36"/>
        <location filename="../../ui/qml/pages/UnlockPage.qml" line="37"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/UnlockPage.qml" line="55"/>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sotto::ui::AppController</name>
    <message>
        <location filename="../../ui/AppController.cpp" line="79"/>
        <source>Messages with %1 could not be read (a profile restored from an older copy?). Sotto started a new secure session and is sending what waited again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AppController.cpp" line="86"/>
        <source>A new contact calls itself %1. If %1 reinstalled Sotto, compare safety numbers in the new chat before you merge the two.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sotto::ui::ContactController</name>
    <message>
        <location filename="../../ui/ContactController.cpp" line="67"/>
        <source>No safety number yet: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ContactController.cpp" line="84"/>
        <source>The verification was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sotto::ui::ConversationListModel</name>
    <message>
        <location filename="../../ui/ConversationListModel.cpp" line="76"/>
        <source>This message was deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ConversationListModel.cpp" line="77"/>
        <source>Update Sotto to see this message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ConversationListModel.cpp" line="79"/>
        <source>Disappearing messages: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sotto::ui::DemoPeer</name>
    <message>
        <location filename="../../ui/DemoPeer.cpp" line="22"/>
        <source>The demo peer could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/DemoPeer.cpp" line="26"/>
        <source>The demo peer stopped (exit code %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/DemoPeer.cpp" line="45"/>
        <source>The demo peer&apos;s folder is not writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/DemoPeer.cpp" line="91"/>
        <source>Demo peer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/DemoPeer.cpp" line="98"/>
        <source>The demo peer could not open its profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/DemoPeer.cpp" line="102"/>
        <source>Hello! I am a demo peer: a second Sotto running on this computer. Write to me and I will answer. Open my contact page to compare safety numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/DemoPeer.cpp" line="117"/>
        <source>Got your message (%1 words), end-to-end encrypted with a fresh key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/DemoPeer.cpp" line="118"/>
        <source>Every message you send me moves the Double Ratchet one step: an old key can&apos;t read a new message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/DemoPeer.cpp" line="119"/>
        <source>Your message arrived, was stored encrypted, and my delivery and read receipts are on their way.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sotto::ui::DesktopController</name>
    <message>
        <location filename="../../ui/DesktopController.cpp" line="47"/>
        <source>Show Sotto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/DesktopController.cpp" line="48"/>
        <source>Lock now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/DesktopController.cpp" line="50"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/DesktopController.cpp" line="109"/>
        <source>Sotto — %n unread</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/DesktopController.cpp" line="156"/>
        <source>New message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/DesktopController.cpp" line="157"/>
        <source>Open Sotto to read it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sotto::ui::MessageModel</name>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="195"/>
        <source>You set disappearing messages to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="195"/>
        <source>You turned disappearing messages off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="196"/>
        <source>%1 set disappearing messages to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="197"/>
        <source>%1 turned disappearing messages off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="434"/>
        <source>Not sent: you blocked this contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="435"/>
        <source>Not sent: the message is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="436"/>
        <source>Not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="588"/>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="590"/>
        <source>1 week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="590"/>
        <source>%1 weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="592"/>
        <source>1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="592"/>
        <source>%1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="594"/>
        <source>1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="594"/>
        <source>%1 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="596"/>
        <source>1 minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="596"/>
        <source>%1 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="597"/>
        <source>1 second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="597"/>
        <source>%1 seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="630"/>
        <source>Not changed: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="631"/>
        <source>Not changed: the text is empty or too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="632"/>
        <source>Not changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="708"/>
        <source>The conversations were not merged: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sotto::ui::SessionController</name>
    <message>
        <location filename="../../ui/SessionController.cpp" line="38"/>
        <source>Choose a display name: it cannot be empty or only spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="40"/>
        <source>A display name has at most %1 characters; this one has %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="50"/>
        <source>The passphrase needs at least 8 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="52"/>
        <source>The two passphrases differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="59"/>
        <source>Enter your passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="75"/>
        <source>Wrong passphrase. Nothing was changed; try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="78"/>
        <source>This profile was written by a newer Sotto. Update Sotto to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="81"/>
        <source>The profile could not be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="107"/>
        <source>The new passphrase needs at least 8 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="109"/>
        <source>The two new passphrases differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="123"/>
        <source>The current passphrase is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="124"/>
        <source>The passphrase was not changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="144"/>
        <source>The display name was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="175"/>
        <source>No computer named %1 was found on the network.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
