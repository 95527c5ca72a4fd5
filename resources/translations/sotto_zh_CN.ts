<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddPeerDialog</name>
    <message>
        <location filename="../../ui/qml/dialogs/AddPeerDialog.qml" line="12"/>
        <source>Add by address</source>
        <translation>通过地址添加</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/AddPeerDialog.qml" line="39"/>
        <source>Ask the other person for an address shown in their Sotto settings, e.g. 192.168.1.20:47000 (a computer&apos;s name works too: laptop.local:47000).</source>
        <translation>请向对方索要其 Sotto 设置中显示的地址，例如 192.168.1.20:47000（也可以用计算机名：laptop.local:47000）。</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/AddPeerDialog.qml" line="46"/>
        <source>host:port</source>
        <translation>主机:端口</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/AddPeerDialog.qml" line="47"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/AddPeerDialog.qml" line="70"/>
        <source>Looking up…</source>
        <translation>正在查找…</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/AddPeerDialog.qml" line="70"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
</context>
<context>
    <name>AttachmentView</name>
    <message>
        <location filename="../../ui/qml/delegates/AttachmentView.qml" line="90"/>
        <source>Image %1</source>
        <translation>图片 %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/AttachmentView.qml" line="102"/>
        <source>Animated image %1</source>
        <translation>动图 %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/AttachmentView.qml" line="147"/>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/AttachmentView.qml" line="147"/>
        <source>unknown reason</source>
        <translation>原因不明</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/AttachmentView.qml" line="172"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/AttachmentView.qml" line="172"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/AttachmentView.qml" line="172"/>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/AttachmentView.qml" line="178"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/AttachmentView.qml" line="185"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/AttachmentView.qml" line="191"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/AttachmentView.qml" line="197"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="37"/>
        <source>Back to conversations</source>
        <translation>返回会话列表</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="84"/>
        <source>typing…</source>
        <translation>正在输入…</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="85"/>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="85"/>
        <source>offline — messages wait until they are back</source>
        <translation>离线 — 消息会在对方上线后送达</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="101"/>
        <location filename="../../ui/qml/pages/ChatView.qml" line="114"/>
        <source>Disappearing messages: %1</source>
        <translation>限时消息：%1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="102"/>
        <source>Disappearing messages</source>
        <translation>限时消息</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="71"/>
        <source>verified</source>
        <translation>已验证</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="23"/>
        <source>You are no longer in this group</source>
        <translation>你已不在此群组中</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="24"/>
        <source>1 member</source>
        <translation>1 位成员</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="24"/>
        <source>%1 members</source>
        <translation>%1 位成员</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="99"/>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="124"/>
        <source>Group members and settings</source>
        <translation>群组成员和设置</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="125"/>
        <source>Group info</source>
        <translation>群组信息</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="133"/>
        <source>Contact and safety number</source>
        <translation>联系人和安全码</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="140"/>
        <source>More for this conversation</source>
        <translation>此会话的更多选项</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="141"/>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="151"/>
        <location filename="../../ui/qml/pages/ChatView.qml" line="577"/>
        <source>Unblock %1</source>
        <translation>取消屏蔽 %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="151"/>
        <location filename="../../ui/qml/pages/ChatView.qml" line="537"/>
        <source>Block %1</source>
        <translation>屏蔽 %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="165"/>
        <source>Sotto</source>
        <translation>Sotto</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="166"/>
        <source>Choose a conversation, or someone nearby, to start.</source>
        <translation>选择一个会话或附近的人，开始聊天。</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="187"/>
        <source>Maybe %1 with a new key? A contact of that name is already in your list. If they reinstalled Sotto, compare safety numbers with them, then merge the two conversations. Anyone can take a name.</source>
        <translation>也许是换了新密钥的 %1？你的列表中已有同名联系人。如果对方重新安装了 Sotto，请先与对方核对安全码，再合并这两个会话。任何人都可以使用任意名字。</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="193"/>
        <source>Compare</source>
        <translation>核对</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="194"/>
        <location filename="../../ui/qml/pages/ChatView.qml" line="468"/>
        <source>Compare safety numbers</source>
        <translation>核对安全码</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="199"/>
        <source>Same person: merge</source>
        <translation>同一个人：合并</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="200"/>
        <source>It is %1: merge the conversations</source>
        <translation>是 %1：合并会话</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="205"/>
        <source>Not them</source>
        <translation>不是本人</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="206"/>
        <source>Not the same person</source>
        <translation>不是同一个人</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="231"/>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="253"/>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="294"/>
        <source>React</source>
        <translation>回应</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="306"/>
        <location filename="../../ui/qml/pages/ChatView.qml" line="653"/>
        <source>React with %1</source>
        <translation>用 %1 回应</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="314"/>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="321"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="328"/>
        <source>More reactions…</source>
        <translation>更多回应…</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="335"/>
        <location filename="../../ui/qml/pages/ChatView.qml" line="718"/>
        <source>Edit history</source>
        <translation>编辑记录</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="342"/>
        <source>Remove my reaction</source>
        <translation>移除我的回应</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="349"/>
        <source>Copy text</source>
        <translation>复制文本</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="357"/>
        <source>Delete for me</source>
        <translation>仅为我删除</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="363"/>
        <source>Delete for everyone</source>
        <translation>为所有人删除</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="466"/>
        <source>Say hi to %1</source>
        <translation>向 %1 打个招呼</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="467"/>
        <source>Messages go straight to their computer, end-to-end encrypted. To be sure it is really them, compare safety numbers — in person or on a call.</source>
        <translation>消息直接发送到对方的电脑，端到端加密。要确认对方确实是本人，请当面或通过电话核对安全码。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/pages/ChatView.qml" line="500"/>
        <source>Go to the newest message, %n new</source>
        <translation>
            <numerusform>跳到最新消息，%n 条新消息</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="500"/>
        <source>Go to the newest message</source>
        <translation>跳到最新消息</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="528"/>
        <source>%1 is not in your contacts and wants to message you. They will not know you have seen their messages until you accept.</source>
        <translation>%1 不在你的联系人中，想要给你发消息。在你接受之前，对方不会知道你已看到这些消息。</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="536"/>
        <source>Block</source>
        <translation>屏蔽</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="542"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="543"/>
        <source>Delete the request and its messages</source>
        <translation>删除该请求及其消息</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="548"/>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="550"/>
        <source>Accept the message request of %1</source>
        <translation>接受 %1 的消息请求</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="570"/>
        <source>You blocked %1. Nothing is sent to or taken from them.</source>
        <translation>你已屏蔽 %1。不会向对方发送任何内容，也不会接收对方的任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="576"/>
        <source>Unblock</source>
        <translation>取消屏蔽</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="587"/>
        <source>You are no longer a member of this group.</source>
        <translation>你已不再是该群组的成员。</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="653"/>
        <source>Insert %1</source>
        <translation>插入 %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="692"/>
        <source>Drop to add for %1 (sent when you press Send)</source>
        <translation>松开即可添加给 %1（按“发送”时发出）</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="710"/>
        <source>everyone in %1</source>
        <translation>%1 中的所有人</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ChatView.qml" line="735"/>
        <source>Earlier texts</source>
        <translation>之前的版本</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="46"/>
        <source>Editing your message</source>
        <translation>正在编辑你的消息</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="47"/>
        <source>Replying to: %1</source>
        <translation>回复：%1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="56"/>
        <source>Cancel editing</source>
        <translation>取消编辑</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="56"/>
        <source>Cancel reply</source>
        <translation>取消回复</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="66"/>
        <source>Preparing a file…</source>
        <translation>正在准备一个文件…</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="67"/>
        <source>Preparing %1 files…</source>
        <translation>正在准备 %1 个文件…</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="141"/>
        <source>Remove %1</source>
        <translation>移除 %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="155"/>
        <source>Attach files</source>
        <translation>添加文件</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="184"/>
        <source>Write a message</source>
        <translation>输入消息</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="184"/>
        <source>Sending is paused</source>
        <translation>发送已暂停</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="197"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="222"/>
        <source>Insert an emoji</source>
        <translation>插入表情</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="232"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="232"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="253"/>
        <source>Send message</source>
        <translation>发送消息</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="253"/>
        <source>Save the edit</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="256"/>
        <source>Save the edit (Enter)</source>
        <translation>保存修改（Enter）</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Composer.qml" line="256"/>
        <source>Send (Enter)</source>
        <translation>发送（Enter）</translation>
    </message>
</context>
<context>
    <name>ContactChecklist</name>
    <message>
        <location filename="../../ui/qml/components/ContactChecklist.qml" line="22"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
</context>
<context>
    <name>ContactPage</name>
    <message>
        <location filename="../../ui/qml/pages/ContactPage.qml" line="37"/>
        <source>Safety number</source>
        <translation>安全码</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ContactPage.qml" line="43"/>
        <source>Compare these digits with the ones on %1&apos;s screen. If they match, nobody is in between.</source>
        <translation>请将这些数字与 %1 屏幕上的数字核对。如果一致，说明你们之间没有第三方。</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ContactPage.qml" line="56"/>
        <source>Safety number %1</source>
        <translation>安全码 %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ContactPage.qml" line="81"/>
        <source>Safety number as a QR code</source>
        <translation>安全码二维码</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ContactPage.qml" line="85"/>
        <source>Verified: the numbers match</source>
        <translation>已验证：数字一致</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ContactPage.qml" line="88"/>
        <source>Mark as verified</source>
        <translation>标记为已验证</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ContactPage.qml" line="93"/>
        <source>Blocked: nothing is sent to or taken from them</source>
        <translation>已屏蔽：不发送也不接收任何内容</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ContactPage.qml" line="96"/>
        <source>Block %1</source>
        <translation>屏蔽 %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/ContactPage.qml" line="100"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ConversationDelegate</name>
    <message>
        <location filename="../../ui/qml/delegates/ConversationDelegate.qml" line="43"/>
        <source>%1, %2 unread</source>
        <translation>%1，%2 条未读</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/ConversationDelegate.qml" line="73"/>
        <source>verified</source>
        <translation>已验证</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/ConversationDelegate.qml" line="99"/>
        <source>typing…</source>
        <translation>正在输入…</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/ConversationDelegate.qml" line="99"/>
        <source>Nearby — say hello</source>
        <translation>在附近 — 打个招呼吧</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/ConversationDelegate.qml" line="100"/>
        <source>No messages yet</source>
        <translation>还没有消息</translation>
    </message>
</context>
<context>
    <name>DeleteForEveryoneDialog</name>
    <message>
        <location filename="../../ui/qml/dialogs/DeleteForEveryoneDialog.qml" line="15"/>
        <source>Delete for everyone?</source>
        <translation>为所有人删除？</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/DeleteForEveryoneDialog.qml" line="30"/>
        <source>The message will be deleted here and for %1. This cannot be undone.</source>
        <translation>此消息将在这里和 %1 处被删除。此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/DeleteForEveryoneDialog.qml" line="37"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/DeleteForEveryoneDialog.qml" line="43"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/DeleteForEveryoneDialog.qml" line="44"/>
        <source>Delete for everyone</source>
        <translation>为所有人删除</translation>
    </message>
</context>
<context>
    <name>GroupInfoDialog</name>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="15"/>
        <source>Group</source>
        <translation>群组</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="52"/>
        <source>Group name</source>
        <translation>群组名称</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="60"/>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="67"/>
        <source>1 member</source>
        <translation>1 位成员</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="67"/>
        <source>%1 members</source>
        <translation>%1 位成员</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="87"/>
        <source>verified</source>
        <translation>已验证</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="88"/>
        <source>safety number changed</source>
        <translation>安全码已更改</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="89"/>
        <source>blocked</source>
        <translation>已屏蔽</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="89"/>
        <source>not verified</source>
        <translation>未验证</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="90"/>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="124"/>
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="93"/>
        <source>Show the safety number</source>
        <translation>显示安全码</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="105"/>
        <source>%1 (you)</source>
        <translation>%1（你）</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="134"/>
        <source>Change %1</source>
        <translation>更改 %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="140"/>
        <source>Remove as admin</source>
        <translation>取消管理员</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="140"/>
        <source>Make admin</source>
        <translation>设为管理员</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="145"/>
        <source>Remove from group</source>
        <translation>移出群组</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="157"/>
        <source>Add members…</source>
        <translation>添加成员…</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="173"/>
        <source>All your contacts are in this group.</source>
        <translation>你的所有联系人都已在此群组中。</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="178"/>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="244"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="183"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="202"/>
        <source>You are no longer a member of this group.</source>
        <translation>你已不再是该群组的成员。</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="213"/>
        <source>Leave group</source>
        <translation>退出群组</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="220"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="228"/>
        <source>Leave %1?</source>
        <translation>退出 %1？</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="238"/>
        <source>You will no longer get its messages, and cannot write to it unless an admin adds you again. Its history stays here.</source>
        <translation>你将不再收到它的消息，除非管理员再次添加你，否则无法在其中发言。聊天记录会保留在这里。</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/GroupInfoDialog.qml" line="249"/>
        <source>Leave</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <location filename="../../ui/qml/dialogs/ImageViewer.qml" line="68"/>
        <source>Image</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/ImageViewer.qml" line="81"/>
        <source>Animated image</source>
        <translation>动画图像</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/ImageViewer.qml" line="87"/>
        <source>This image cannot be shown here. Open it with another program, or save it.</source>
        <translation>此图片无法在这里显示。请用其他程序打开，或将其保存。</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/ImageViewer.qml" line="93"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/ImageViewer.qml" line="97"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/ImageViewer.qml" line="102"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../../ui/qml/Main.qml" line="17"/>
        <source>Sotto — %1</source>
        <translation>Sotto — %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Main.qml" line="17"/>
        <source>Sotto</source>
        <translation>Sotto</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Main.qml" line="60"/>
        <source>Working</source>
        <translation>处理中</translation>
    </message>
</context>
<context>
    <name>MainPage</name>
    <message>
        <location filename="../../ui/qml/pages/MainPage.qml" line="45"/>
        <source>Resize the conversation list</source>
        <translation>调整会话列表宽度</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <location filename="../../ui/qml/delegates/MessageDelegate.qml" line="62"/>
        <source>This message was deleted</source>
        <translation>此消息已被删除</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/MessageDelegate.qml" line="63"/>
        <source>This message cannot be shown: update Sotto to see it.</source>
        <translation>无法显示此消息：请更新 Sotto 后查看。</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/MessageDelegate.qml" line="72"/>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/MessageDelegate.qml" line="72"/>
        <source>They</source>
        <translation>对方</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/MessageDelegate.qml" line="73"/>
        <source>file %1, %2</source>
        <translation>文件 %1，%2</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/MessageDelegate.qml" line="74"/>
        <location filename="../../ui/qml/delegates/MessageDelegate.qml" line="301"/>
        <source>edited</source>
        <translation>已编辑</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/MessageDelegate.qml" line="111"/>
        <source>New messages</source>
        <translation>新消息</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/MessageDelegate.qml" line="223"/>
        <source>Go to the message it answers</source>
        <translation>跳到被回复的消息</translation>
    </message>
    <message>
        <location filename="../../ui/qml/delegates/MessageDelegate.qml" line="355"/>
        <source>Reactions: %1</source>
        <translation>回应：%1</translation>
    </message>
</context>
<context>
    <name>NewGroupDialog</name>
    <message>
        <location filename="../../ui/qml/dialogs/NewGroupDialog.qml" line="13"/>
        <source>New group</source>
        <translation>新建群组</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/NewGroupDialog.qml" line="41"/>
        <location filename="../../ui/qml/dialogs/NewGroupDialog.qml" line="42"/>
        <source>Group name</source>
        <translation>群组名称</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/NewGroupDialog.qml" line="49"/>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/NewGroupDialog.qml" line="63"/>
        <source>No contacts yet. Start a chat with someone first; then you can add them to a group.</source>
        <translation>还没有联系人。先和某人开始聊天，然后就可以把对方加入群组。</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/NewGroupDialog.qml" line="84"/>
        <source>Creating…</source>
        <translation>正在创建…</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/NewGroupDialog.qml" line="84"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/NewGroupDialog.qml" line="87"/>
        <source>Create the group</source>
        <translation>创建群组</translation>
    </message>
</context>
<context>
    <name>PassphraseStrength</name>
    <message>
        <location filename="../../ui/PassphraseStrength.cpp" line="39"/>
        <source>Too short: use at least 8 characters, better several words.</source>
        <translation>太短：请至少使用 8 个字符，最好是几个单词。</translation>
    </message>
    <message>
        <location filename="../../ui/PassphraseStrength.cpp" line="42"/>
        <source>Weak: add more words or characters.</source>
        <translation>弱：请添加更多单词或字符。</translation>
    </message>
    <message>
        <location filename="../../ui/PassphraseStrength.cpp" line="45"/>
        <source>Fair: a few more words would make it strong.</source>
        <translation>一般：再加几个单词就很强了。</translation>
    </message>
    <message>
        <location filename="../../ui/PassphraseStrength.cpp" line="48"/>
        <source>Good.</source>
        <translation>良好。</translation>
    </message>
    <message>
        <location filename="../../ui/PassphraseStrength.cpp" line="51"/>
        <source>Strong.</source>
        <translation>强。</translation>
    </message>
</context>
<context>
    <name>PeerAddress</name>
    <message>
        <location filename="../../ui/PeerAddress.cpp" line="31"/>
        <source>Write the address as host:port, e.g. 192.168.1.20:47000 or laptop.local:47000.</source>
        <translation>请按“主机:端口”的格式填写地址，例如 192.168.1.20:47000 或 laptop.local:47000。</translation>
    </message>
    <message>
        <location filename="../../ui/PeerAddress.cpp" line="40"/>
        <source>The port is the number after the last colon, from 1 to 65535.</source>
        <translation>端口是最后一个冒号后面的数字，范围为 1 到 65535。</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="72"/>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="63"/>
        <source>This message was deleted</source>
        <translation>此消息已被删除</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="64"/>
        <source>The original message is not here</source>
        <translation>找不到原消息</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <location filename="../../ui/qml/dialogs/SearchDialog.qml" line="58"/>
        <location filename="../../ui/qml/dialogs/SearchDialog.qml" line="76"/>
        <source>Search messages</source>
        <translation>搜索消息</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/SearchDialog.qml" line="97"/>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/SearchDialog.qml" line="126"/>
        <source>No messages match.</source>
        <translation>没有匹配的消息。</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/SearchDialog.qml" line="134"/>
        <source>Search every conversation</source>
        <translation>搜索所有对话</translation>
    </message>
    <message>
        <location filename="../../ui/qml/dialogs/SearchDialog.qml" line="135"/>
        <source>Words you type find the messages that contain them; Enter opens the newest hit, the arrows choose another.</source>
        <translation>输入词语即可找到包含它们的消息；按 Enter 打开最新的结果，用方向键选择其他结果。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="13"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="38"/>
        <source>Passphrase changed.</source>
        <translation>密码短语已更改。</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="49"/>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="52"/>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="53"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="53"/>
        <source>Save display name</source>
        <translation>保存显示名称</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="58"/>
        <source>Your addresses</source>
        <translation>你的地址</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="61"/>
        <source>Where others can add you (Add by address):</source>
        <translation>其他人可以通过以下地址添加你（“通过地址添加”）：</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="62"/>
        <source>Not reachable yet: no network address.</source>
        <translation>暂时无法访问：没有网络地址。</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="81"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="82"/>
        <source>Copy %1</source>
        <translation>复制 %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="86"/>
        <source>Hide QR</source>
        <translation>隐藏二维码</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="86"/>
        <source>QR code</source>
        <translation>二维码</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="87"/>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="98"/>
        <source>QR code of %1</source>
        <translation>%1 的二维码</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="101"/>
        <source>Passphrase</source>
        <translation>密码短语</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="102"/>
        <source>Current passphrase</source>
        <translation>当前密码短语</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="103"/>
        <source>New passphrase</source>
        <translation>新密码短语</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="104"/>
        <source>New passphrase again</source>
        <translation>再次输入新密码短语</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="123"/>
        <source>Change passphrase</source>
        <translation>更改密码短语</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="129"/>
        <source>Locking</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="131"/>
        <source>Lock after</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="137"/>
        <source>Lock after this many idle minutes, 0 for never</source>
        <translation>空闲多少分钟后锁定，0 表示从不</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="140"/>
        <source>idle minutes (0: never)</source>
        <translation>分钟后锁定（0：从不）</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="144"/>
        <source>Lock now (Ctrl+L)</source>
        <translation>立即锁定（Ctrl+L）</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="145"/>
        <source>Lock now</source>
        <translation>立即锁定</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="149"/>
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="151"/>
        <source>Notify me of new messages</source>
        <translation>有新消息时通知我</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="157"/>
        <source>Hide the sender and text in notifications</source>
        <translation>在通知中隐藏发送者和内容</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="163"/>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="165"/>
        <source>Send files up to</source>
        <translation>发送的文件最大为</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="171"/>
        <source>Largest file to send, in MiB</source>
        <translation>可发送的最大文件，单位 MiB</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="174"/>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="178"/>
        <source>Download images from contacts automatically (under 25 MB)</source>
        <translation>自动下载联系人发来的图片（小于 25 MB）</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="184"/>
        <source>Visible to</source>
        <translation>可见范围</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="189"/>
        <source>Everyone on this network</source>
        <translation>此网络中的所有人</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="192"/>
        <source>Visible to everyone on this network</source>
        <translation>对此网络中的所有人可见</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="197"/>
        <source>Only my contacts</source>
        <translation>仅我的联系人</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="200"/>
        <source>Visible to only my contacts</source>
        <translation>仅对我的联系人可见</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="205"/>
        <source>Only your contacts recognise you on this network; others see an anonymous signal from this computer. People who know your address can still reach you.</source>
        <translation>在此网络中只有你的联系人能认出你；其他人只会看到来自这台电脑的匿名信号。知道你地址的人仍然可以联系你。</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="206"/>
        <source>Everyone on this network sees your name and can write to you.</source>
        <translation>此网络中的所有人都能看到你的名字，并可以给你发消息。</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="212"/>
        <source>Privacy</source>
        <translation>隐私</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SettingsPage.qml" line="215"/>
        <source>Let contacts see when I am typing</source>
        <translation>让联系人看到我正在输入</translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="52"/>
        <source>Welcome to Sotto</source>
        <translation>欢迎使用 Sotto</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="59"/>
        <source>Messages to people on your network, end-to-end encrypted, with no server in between.</source>
        <translation>与同一网络中的人互发消息，端到端加密，中间没有服务器。</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="67"/>
        <source>Your name, as others will see it</source>
        <translation>其他人看到的你的名字</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="68"/>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="77"/>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="78"/>
        <source>Passphrase</source>
        <translation>密码短语</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="91"/>
        <source>Very weak</source>
        <translation>非常弱</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="91"/>
        <source>Weak</source>
        <translation>弱</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="91"/>
        <source>Fair</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="91"/>
        <source>Good</source>
        <translation>良好</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="91"/>
        <source>Strong</source>
        <translation>强</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="96"/>
        <source>Passphrase strength: %1</source>
        <translation>密码短语强度：%1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="96"/>
        <source>nothing typed</source>
        <translation>尚未输入</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="120"/>
        <source>Several unrelated words make a strong passphrase.</source>
        <translation>几个互不相关的单词就能组成一个强密码短语。</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="129"/>
        <source>Passphrase again</source>
        <translation>再次输入密码短语</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="130"/>
        <source>Repeat passphrase</source>
        <translation>重复密码短语</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="142"/>
        <source>Write it down somewhere safe: Sotto cannot recover a lost passphrase, and without it your messages and keys stay locked for good.</source>
        <translation>请把它记下来并妥善保管：Sotto 无法找回丢失的密码短语，没有它，你的消息和密钥将永远无法解锁。</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/SetupPage.qml" line="161"/>
        <source>Create my profile</source>
        <translation>创建我的配置文件</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../../ui/qml/components/Sidebar.qml" line="81"/>
        <source>Search messages</source>
        <translation>搜索消息</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Sidebar.qml" line="80"/>
        <source>Search (Ctrl+K)</source>
        <translation>搜索（Ctrl+K）</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Sidebar.qml" line="51"/>
        <source>New group</source>
        <translation>新建群组</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Sidebar.qml" line="57"/>
        <location filename="../../ui/qml/components/Sidebar.qml" line="156"/>
        <source>Add by address</source>
        <translation>通过地址添加</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Sidebar.qml" line="58"/>
        <source>Add someone by address</source>
        <translation>通过地址添加联系人</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Sidebar.qml" line="64"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Sidebar.qml" line="116"/>
        <source>Conversations</source>
        <translation>会话</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Sidebar.qml" line="127"/>
        <source>Message requests</source>
        <translation>消息请求</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Sidebar.qml" line="128"/>
        <source>Blocked</source>
        <translation>已屏蔽</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Sidebar.qml" line="129"/>
        <source>Nearby</source>
        <translation>附近</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Sidebar.qml" line="129"/>
        <source>Chats</source>
        <translation>聊天</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Sidebar.qml" line="154"/>
        <source>No conversations yet</source>
        <translation>还没有对话</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/Sidebar.qml" line="155"/>
        <source>People running Sotto on your network appear here by themselves. Someone on another network? Add them by the address their Sotto settings show.</source>
        <translation>在你的网络中运行 Sotto 的人会自动出现在这里。对方在另一个网络中？请用对方 Sotto 设置中显示的地址添加。</translation>
    </message>
</context>
<context>
    <name>StateIcon</name>
    <message>
        <location filename="../../ui/qml/components/StateIcon.qml" line="10"/>
        <source>Waiting to be sent</source>
        <translation>等待发送</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/StateIcon.qml" line="11"/>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/StateIcon.qml" line="12"/>
        <source>Delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/StateIcon.qml" line="13"/>
        <source>Read</source>
        <translation>已读</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/StateIcon.qml" line="14"/>
        <source>Not sent</source>
        <translation>未发送</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <location filename="../../ui/qml/pages/UnlockPage.qml" line="28"/>
        <source>Sotto is locked</source>
        <translation>Sotto 已锁定</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/UnlockPage.qml" line="36"/>
        <location filename="../../ui/qml/pages/UnlockPage.qml" line="37"/>
        <source>Passphrase</source>
        <translation>密码短语</translation>
    </message>
    <message>
        <location filename="../../ui/qml/pages/UnlockPage.qml" line="55"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
</context>
<context>
    <name>sotto::ui::AppController</name>
    <message>
        <location filename="../../ui/AppController.cpp" line="98"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/AppController.cpp" line="113"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/AppController.cpp" line="130"/>
        <source>Messages with %1 could not be read (a profile restored from an older copy?). Sotto started a new secure session and is sending what waited again.</source>
        <translation>无法读取与 %1 的消息（是否从旧副本恢复了配置文件？）。Sotto 已建立新的安全会话，正在重新发送等待中的消息。</translation>
    </message>
    <message>
        <location filename="../../ui/AppController.cpp" line="137"/>
        <source>A new contact calls itself %1. If %1 reinstalled Sotto, compare safety numbers in the new chat before you merge the two.</source>
        <translation>一个新联系人自称 %1。如果 %1 重新安装了 Sotto，请先在新聊天中核对安全码，再将两者合并。</translation>
    </message>
</context>
<context>
    <name>sotto::ui::AttachmentController</name>
    <message>
        <location filename="../../ui/AttachmentController.cpp" line="49"/>
        <source>Not sent: you blocked this contact.</source>
        <translation>未发送：你已屏蔽此联系人。</translation>
    </message>
    <message>
        <location filename="../../ui/AttachmentController.cpp" line="50"/>
        <source>Not sent: the file could not be read, or it is too large.</source>
        <translation>未发送：文件无法读取，或文件过大。</translation>
    </message>
    <message>
        <location filename="../../ui/AttachmentController.cpp" line="51"/>
        <source>Not sent: files cannot go to this conversation.</source>
        <translation>未发送：此对话无法接收文件。</translation>
    </message>
    <message>
        <location filename="../../ui/AttachmentController.cpp" line="53"/>
        <source>Not sent: something went wrong in Sotto (%1).</source>
        <translation>未发送：Sotto 内部出错（%1）。</translation>
    </message>
    <message>
        <location filename="../../ui/AttachmentController.cpp" line="313"/>
        <source>The image could not be pasted: Sotto has no private folder to write it to.</source>
        <translation>无法粘贴图片：Sotto 没有可写入的私有文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/AttachmentController.cpp" line="342"/>
        <source>The image could not be pasted.</source>
        <translation>无法粘贴图片。</translation>
    </message>
    <message>
        <location filename="../../ui/AttachmentController.cpp" line="209"/>
        <source>“%1” is not a file Sotto can read. Nothing was added.</source>
        <translation>“%1”不是 Sotto 能读取的文件。没有添加任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/AttachmentController.cpp" line="52"/>
        <source>Not sent: there is not enough disk space to keep its encrypted copy.</source>
        <translation>未发送：磁盘空间不足，无法保存其加密副本。</translation>
    </message>
    <message>
        <location filename="../../ui/AttachmentController.cpp" line="213"/>
        <source>“%1” is %2, larger than the limit of %3 set in Settings. Nothing was added.</source>
        <translation>“%1”大小为 %2，超过了设置中的 %3 上限。没有添加任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/AttachmentController.cpp" line="268"/>
        <source>“%1” is no longer there. Take it out of the files to send.</source>
        <translation>“%1”已不存在。请将它从待发送的文件中移除。</translation>
    </message>
    <message>
        <location filename="../../ui/AttachmentController.cpp" line="272"/>
        <source>“%1” is %2, larger than the limit of %3 set in Settings. Nothing was sent.</source>
        <translation>“%1”大小为 %2，超过了设置中的 %3 上限。没有发送任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/AttachmentController.cpp" line="278"/>
        <source>The text is too long to go with the files. Nothing was sent.</source>
        <translation>文字太长，无法随文件一起发送。没有发送任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/AttachmentController.cpp" line="347"/>
        <source>The pasted image is %1, larger than the limit of %2 set in Settings. Nothing was added.</source>
        <translation>粘贴的图片大小为 %1，超过了设置中的 %2 上限。没有添加任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/AttachmentController.cpp" line="421"/>
        <source>That file cannot be changed now.</source>
        <translation>现在无法更改此文件。</translation>
    </message>
    <message>
        <location filename="../../ui/AttachmentController.cpp" line="444"/>
        <source>Sotto has no private folder to open files from here.</source>
        <translation>Sotto 没有可用于在此打开文件的私有文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/AttachmentController.cpp" line="481"/>
        <source>The file could not be opened: it is not all here yet, or it did not match what was sent.</source>
        <translation>无法打开文件：文件尚未完整接收，或与发送的内容不符。</translation>
    </message>
    <message>
        <location filename="../../ui/AttachmentController.cpp" line="534"/>
        <source>Sotto does not open programs or scripts it received. Use Save as… and open it yourself if you trust it.</source>
        <translation>Sotto 不会打开收到的程序或脚本。如果你信任它，请用“另存为…”保存后自行打开。</translation>
    </message>
    <message>
        <location filename="../../ui/AttachmentController.cpp" line="548"/>
        <source>No program here opens this kind of file. Use Save as… instead.</source>
        <translation>这里没有能打开此类文件的程序。请改用“另存为…”。</translation>
    </message>
    <message>
        <location filename="../../ui/AttachmentController.cpp" line="635"/>
        <source>The file could not be saved there.</source>
        <translation>无法将文件保存到该位置。</translation>
    </message>
    <message>
        <location filename="../../ui/AttachmentController.cpp" line="651"/>
        <source>Send files</source>
        <translation>发送文件</translation>
    </message>
    <message>
        <location filename="../../ui/AttachmentController.cpp" line="664"/>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
</context>
<context>
    <name>sotto::ui::ContactController</name>
    <message>
        <location filename="../../ui/ContactController.cpp" line="69"/>
        <source>No safety number yet: %1</source>
        <translation>尚无安全码：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ContactController.cpp" line="86"/>
        <source>The verification was not saved: %1</source>
        <translation>验证状态未保存：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ContactController.cpp" line="114"/>
        <source>%1 was not blocked: %2</source>
        <translation>未能屏蔽 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/ContactController.cpp" line="114"/>
        <source>%1 was not unblocked: %2</source>
        <translation>未能取消屏蔽 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/ContactController.cpp" line="121"/>
        <source>The request was not accepted: %1</source>
        <translation>未能接受该请求：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ContactController.cpp" line="128"/>
        <source>The request was not deleted: %1</source>
        <translation>未能删除该请求：%1</translation>
    </message>
</context>
<context>
    <name>sotto::ui::ConversationListModel</name>
    <message>
        <location filename="../../ui/ConversationListModel.cpp" line="76"/>
        <source>This message was deleted</source>
        <translation>此消息已被删除</translation>
    </message>
    <message>
        <location filename="../../ui/ConversationListModel.cpp" line="77"/>
        <source>Update Sotto to see this message</source>
        <translation>请更新 Sotto 以查看此消息</translation>
    </message>
    <message>
        <location filename="../../ui/ConversationListModel.cpp" line="79"/>
        <source>Disappearing messages: %1</source>
        <translation>限时消息：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ConversationListModel.cpp" line="82"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/ConversationListModel.cpp" line="86"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/ConversationListModel.cpp" line="86"/>
        <source>You</source>
        <translation>你</translation>
    </message>
</context>
<context>
    <name>sotto::ui::DemoPeer</name>
    <message>
        <location filename="../../ui/DemoPeer.cpp" line="22"/>
        <source>The demo peer could not start: %1</source>
        <translation>演示联系人无法启动：%1</translation>
    </message>
    <message>
        <location filename="../../ui/DemoPeer.cpp" line="26"/>
        <source>The demo peer stopped (exit code %1).</source>
        <translation>演示联系人已停止（退出码 %1）。</translation>
    </message>
    <message>
        <location filename="../../ui/DemoPeer.cpp" line="45"/>
        <source>The demo peer&apos;s folder is not writable.</source>
        <translation>演示联系人的文件夹不可写。</translation>
    </message>
    <message>
        <location filename="../../ui/DemoPeer.cpp" line="91"/>
        <source>Demo peer</source>
        <translation>演示联系人</translation>
    </message>
    <message>
        <location filename="../../ui/DemoPeer.cpp" line="98"/>
        <source>The demo peer could not open its profile.</source>
        <translation>演示联系人无法打开其配置文件。</translation>
    </message>
    <message>
        <location filename="../../ui/DemoPeer.cpp" line="102"/>
        <source>Hello! I am a demo peer: a second Sotto running on this computer. Write to me and I will answer. Open my contact page to compare safety numbers.</source>
        <translation>你好！我是演示联系人：在这台计算机上运行的另一个 Sotto。给我发消息，我会回复。打开我的联系人页面即可核对安全码。</translation>
    </message>
    <message>
        <location filename="../../ui/DemoPeer.cpp" line="117"/>
        <source>Got your message (%1 words), end-to-end encrypted with a fresh key.</source>
        <translation>收到你的消息（%1 个词），已用全新的密钥端到端加密。</translation>
    </message>
    <message>
        <location filename="../../ui/DemoPeer.cpp" line="118"/>
        <source>Every message you send me moves the Double Ratchet one step: an old key can&apos;t read a new message.</source>
        <translation>你发给我的每条消息都会让双棘轮（Double Ratchet）前进一步：旧密钥无法解读新消息。</translation>
    </message>
    <message>
        <location filename="../../ui/DemoPeer.cpp" line="119"/>
        <source>Your message arrived, was stored encrypted, and my delivery and read receipts are on their way.</source>
        <translation>你的消息已送达并已加密保存，我的送达回执和已读回执正在路上。</translation>
    </message>
</context>
<context>
    <name>sotto::ui::DesktopController</name>
    <message>
        <location filename="../../ui/DesktopController.cpp" line="47"/>
        <source>Show Sotto</source>
        <translation>显示 Sotto</translation>
    </message>
    <message>
        <location filename="../../ui/DesktopController.cpp" line="48"/>
        <source>Lock now</source>
        <translation>立即锁定</translation>
    </message>
    <message>
        <location filename="../../ui/DesktopController.cpp" line="50"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/DesktopController.cpp" line="109"/>
        <source>Sotto — %n unread</source>
        <translation>
            <numerusform>Sotto — %n 条未读</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/DesktopController.cpp" line="156"/>
        <source>New message</source>
        <translation>新消息</translation>
    </message>
    <message>
        <location filename="../../ui/DesktopController.cpp" line="157"/>
        <source>Open Sotto to read it.</source>
        <translation>打开 Sotto 查看。</translation>
    </message>
    <message>
        <location filename="../../ui/DesktopController.cpp" line="168"/>
        <source>New message request</source>
        <translation>新的消息请求</translation>
    </message>
    <message>
        <location filename="../../ui/DesktopController.cpp" line="168"/>
        <source>Message request from %1</source>
        <translation>来自 %1 的消息请求</translation>
    </message>
    <message>
        <location filename="../../ui/DesktopController.cpp" line="169"/>
        <source>Accept it to chat; until then they do not know you read it.</source>
        <translation>接受后即可聊天；在此之前，对方不会知道你已读。</translation>
    </message>
</context>
<context>
    <name>sotto::ui::GroupController</name>
    <message>
        <location filename="../../ui/GroupController.cpp" line="98"/>
        <location filename="../../ui/GroupController.cpp" line="175"/>
        <source>Give the group a name.</source>
        <translation>请为群组命名。</translation>
    </message>
    <message>
        <location filename="../../ui/GroupController.cpp" line="100"/>
        <location filename="../../ui/GroupController.cpp" line="184"/>
        <source>Choose at least one contact.</source>
        <translation>请至少选择一位联系人。</translation>
    </message>
    <message>
        <location filename="../../ui/GroupController.cpp" line="238"/>
        <source>One of them is blocked: unblock them first.</source>
        <translation>其中有人已被屏蔽：请先解除屏蔽。</translation>
    </message>
    <message>
        <location filename="../../ui/GroupController.cpp" line="239"/>
        <source>One of them is not a contact yet.</source>
        <translation>其中有人还不是联系人。</translation>
    </message>
    <message>
        <location filename="../../ui/GroupController.cpp" line="242"/>
        <source>Not allowed: %1.</source>
        <translation>不允许：%1。</translation>
    </message>
    <message>
        <location filename="../../ui/GroupController.cpp" line="243"/>
        <source>Not done: %1.</source>
        <translation>未完成：%1。</translation>
    </message>
    <message>
        <location filename="../../ui/GroupController.cpp" line="244"/>
        <source>Something went wrong: %1.</source>
        <translation>出错了：%1。</translation>
    </message>
    <message>
        <location filename="../../ui/GroupController.cpp" line="83"/>
        <source>%1: read</source>
        <translation>%1：已读</translation>
    </message>
    <message>
        <location filename="../../ui/GroupController.cpp" line="84"/>
        <source>%1: delivered</source>
        <translation>%1：已送达</translation>
    </message>
    <message>
        <location filename="../../ui/GroupController.cpp" line="85"/>
        <source>%1: sent</source>
        <translation>%1：已发送</translation>
    </message>
    <message>
        <location filename="../../ui/GroupController.cpp" line="88"/>
        <source>Delivered to %1 of %2 · read by %3</source>
        <translation>已送达 %2 人中的 %1 人 · %3 人已读</translation>
    </message>
</context>
<context>
    <name>sotto::ui::MessageModel</name>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="202"/>
        <source>You set disappearing messages to %1</source>
        <translation>你将限时消息设为 %1</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="202"/>
        <source>You turned disappearing messages off</source>
        <translation>你关闭了限时消息</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="203"/>
        <source>%1 set disappearing messages to %2</source>
        <translation>%1 将限时消息设为 %2</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="204"/>
        <source>%1 turned disappearing messages off</source>
        <translation>%1 关闭了限时消息</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="282"/>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="286"/>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/MessageModel.cpp" line="288"/>
        <source>%n h left</source>
        <translation>
            <numerusform>还剩 %n 小时</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/MessageModel.cpp" line="289"/>
        <source>%n min left</source>
        <translation>
            <numerusform>还剩 %n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/MessageModel.cpp" line="290"/>
        <source>%n s left</source>
        <translation>
            <numerusform>还剩 %n 秒</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="665"/>
        <source>Not sent: you blocked this contact.</source>
        <translation>未发送：你已屏蔽此联系人。</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="666"/>
        <source>Not sent: the message is too long.</source>
        <translation>未发送：消息太长。</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="667"/>
        <source>Not sent: you are no longer a member of this group.</source>
        <translation>未发送：你已不再是该群组的成员。</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="668"/>
        <source>Not sent: %1</source>
        <translation>未发送：%1</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="833"/>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="835"/>
        <source>1 week</source>
        <translation>1 周</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="835"/>
        <source>%1 weeks</source>
        <translation>%1 周</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="837"/>
        <source>1 day</source>
        <translation>1 天</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="837"/>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="839"/>
        <source>1 hour</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="839"/>
        <source>%1 hours</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="841"/>
        <source>1 minute</source>
        <translation>1 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="841"/>
        <source>%1 minutes</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="842"/>
        <source>1 second</source>
        <translation>1 秒</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="842"/>
        <source>%1 seconds</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="875"/>
        <source>Not changed: %1.</source>
        <translation>未更改：%1。</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="876"/>
        <source>Not changed: the text is empty or too long.</source>
        <translation>未更改：文本为空或太长。</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="877"/>
        <source>Not changed: %1</source>
        <translation>未更改：%1</translation>
    </message>
    <message>
        <location filename="../../ui/MessageModel.cpp" line="958"/>
        <source>The conversations were not merged: %1</source>
        <translation>会话未合并：%1</translation>
    </message>
</context>
<context>
    <name>sotto::ui::SessionController</name>
    <message>
        <location filename="../../ui/SessionController.cpp" line="38"/>
        <source>Choose a display name: it cannot be empty or only spaces.</source>
        <translation>请选择一个显示名称：不能为空，也不能只有空格。</translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="40"/>
        <source>A display name has at most %1 characters; this one has %2.</source>
        <translation>显示名称最多 %1 个字符，当前有 %2 个。</translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="50"/>
        <source>The passphrase needs at least 8 characters.</source>
        <translation>密码短语至少需要 8 个字符。</translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="52"/>
        <source>The two passphrases differ.</source>
        <translation>两次输入的密码短语不一致。</translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="59"/>
        <source>Enter your passphrase.</source>
        <translation>请输入你的密码短语。</translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="75"/>
        <source>Wrong passphrase. Nothing was changed; try again.</source>
        <translation>密码短语错误。未做任何更改，请重试。</translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="78"/>
        <source>This profile was written by a newer Sotto. Update Sotto to open it.</source>
        <translation>此配置文件由较新版本的 Sotto 写入。请更新 Sotto 后再打开。</translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="81"/>
        <source>This profile is open in another Sotto. Close that one first.</source>
        <translation>此配置文件已在另一个 Sotto 中打开。请先关闭那个。</translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="84"/>
        <source>The profile could not be opened: %1</source>
        <translation>无法打开配置文件：%1</translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="111"/>
        <source>The new passphrase needs at least 8 characters.</source>
        <translation>新密码短语至少需要 8 个字符。</translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="113"/>
        <source>The two new passphrases differ.</source>
        <translation>两次输入的新密码短语不一致。</translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="127"/>
        <source>The current passphrase is wrong.</source>
        <translation>当前密码短语错误。</translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="128"/>
        <source>The passphrase was not changed: %1</source>
        <translation>密码短语未更改：%1</translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="148"/>
        <source>The display name was not saved.</source>
        <translation>显示名称未保存。</translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="165"/>
        <source>The visibility was not saved.</source>
        <translation>可见范围未能保存。</translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="197"/>
        <source>No computer named %1 was found on the network.</source>
        <translation>在网络中找不到名为 %1 的计算机。</translation>
    </message>
</context>
<context>
    <name>sotto::ui::TypingTracker</name>
    <message>
        <location filename="../../ui/TypingTracker.cpp" line="98"/>
        <source>%1 is typing…</source>
        <translation>%1 正在输入…</translation>
    </message>
    <message>
        <location filename="../../ui/TypingTracker.cpp" line="99"/>
        <source>%1 and %2 are typing…</source>
        <translation>%1 和 %2 正在输入…</translation>
    </message>
    <message>
        <location filename="../../ui/TypingTracker.cpp" line="100"/>
        <source>%1, %2 and one other are typing…</source>
        <translation>%1、%2 和另外 1 人正在输入…</translation>
    </message>
    <message>
        <location filename="../../ui/TypingTracker.cpp" line="102"/>
        <source>%1, %2 and %3 others are typing…</source>
        <translation>%1、%2 和另外 %3 人正在输入…</translation>
    </message>
</context>
</TS>
