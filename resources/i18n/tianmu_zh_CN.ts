<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AlertDismissDialog</name>
    <message>
        <source>Nothing there: the detector was wrong</source>
        <translation>现场无异常：算法误报</translation>
    </message>
    <message>
        <source>Authorised activity</source>
        <translation>经许可的活动</translation>
    </message>
    <message>
        <source>Already being handled</source>
        <translation>已在处置中</translation>
    </message>
    <message>
        <source>Other (write the reason below)</source>
        <translation>其他（请在下方填写原因）</translation>
    </message>
    <message>
        <source>Say why the alert is a false alarm.</source>
        <translation>请说明为何此告警是误报。</translation>
    </message>
    <message>
        <source>The reason is too long (%1 characters); keep it to %2.</source>
        <translation>原因过长（%1 个字符），请控制在 %2 个以内。</translation>
    </message>
    <message>
        <source>The text contains a NUL character; remove it.</source>
        <translation>文本包含 NUL 字符，请删除。</translation>
    </message>
    <message>
        <source>Dismiss as a false alarm</source>
        <translation>作为误报排除</translation>
    </message>
    <message>
        <source>Why is it a false alarm?</source>
        <translation>为何是误报？</translation>
    </message>
    <message>
        <source>Reason (sent to the server and kept in the audit trail):</source>
        <translation>原因（发送至服务器并记入审计日志）：</translation>
    </message>
    <message>
        <source>Dismiss alert</source>
        <translation>排除告警</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>AlertPreview</name>
    <message>
        <source>Select an alert to see its snapshot and camera.</source>
        <translation>选择一条告警以查看其抓图和摄像机。</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 · detected %2 · confidence %3% · %4</source>
        <translation>%1 · 检测于 %2 · 置信度 %3% · %4</translation>
    </message>
    <message>
        <source>%1
Reason: %2</source>
        <translation>%1
原因：%2</translation>
    </message>
    <message>
        <source>%1
Duplicate of alert %2</source>
        <translation>%1
与告警 %2 重复</translation>
    </message>
    <message>
        <source>%1
Repeated %2 times</source>
        <translation>%1
重复 %2 次</translation>
    </message>
    <message>
        <source>Probably a repeat of the %1 alert detected at %2 on the same camera.</source>
        <translation>可能与同一摄像机 %2 检测到的%1告警重复。</translation>
    </message>
    <message>
        <source>Waiting to be sent: %1</source>
        <translation>等待发送：%1</translation>
    </message>
    <message>
        <source>The server refused the last action: %1</source>
        <translation>服务器拒绝了上一操作：%1</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Dismiss…</source>
        <translation>排除…</translation>
    </message>
    <message>
        <source>Dismiss as a false alarm, with a reason.</source>
        <translation>作为误报排除，并说明原因。</translation>
    </message>
    <message>
        <source>Raise event…</source>
        <translation>上报事件…</translation>
    </message>
    <message>
        <source>Promote the alert to an event, with its snapshot attached.</source>
        <translation>将告警转为事件，并附上抓图。</translation>
    </message>
    <message>
        <source>Play on wall</source>
        <translation>在电视墙播放</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Mark this alert as a duplicate of the earlier one.</source>
        <translation>将此告警标记为较早告警的重复。</translation>
    </message>
    <message>
        <source>Discard the refused action</source>
        <translation>放弃被拒绝的操作</translation>
    </message>
    <message>
        <source>Drop the action the server refused; the alert stays as the server has it.</source>
        <translation>放弃服务器拒绝的操作；告警保持服务器上的状态。</translation>
    </message>
</context>
<context>
    <name>AlertQueue</name>
    <message>
        <source>%1 at %2</source>
        <translation>%2 的%1</translation>
    </message>
    <message>
        <source>Acknowledge alert: %1</source>
        <translation>确认告警：%1</translation>
    </message>
    <message>
        <source>Dismiss alert as a false alarm: %1</source>
        <translation>作为误报排除告警：%1</translation>
    </message>
    <message>
        <source>Merge duplicate alert: %1</source>
        <translation>合并重复告警：%1</translation>
    </message>
    <message>
        <source>Reading the alert queue</source>
        <translation>正在读取告警队列</translation>
    </message>
    <message>
        <source>acknowledging</source>
        <translation>确认中</translation>
    </message>
    <message>
        <source>dismissing as a false alarm</source>
        <translation>作为误报排除中</translation>
    </message>
    <message>
        <source>merging into an earlier alert</source>
        <translation>合并到较早的告警中</translation>
    </message>
    <message>
        <source>%1 at %2, detected %3</source>
        <translation>%2 的%1，检测于 %3</translation>
    </message>
    <message>
        <source>Reading the camera</source>
        <translation>正在读取摄像机</translation>
    </message>
    <message>
        <source>Discarding the refused action</source>
        <translation>正在放弃被拒绝的操作</translation>
    </message>
    <message>
        <source>Downloading the alert's snapshot</source>
        <translation>正在下载告警抓图</translation>
    </message>
    <message>
        <source>Saving the alert's snapshot</source>
        <translation>正在保存告警抓图</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>raising an event</source>
        <translation>转为事件中</translation>
    </message>
    <message>
        <source>Queuing the event for the server</source>
        <translation>正在将事件加入待发队列</translation>
    </message>
    <message>
        <source>Queuing the alert action</source>
        <translation>正在将告警操作加入待发队列</translation>
    </message>
    <message>
        <source>not queued: %1</source>
        <translation>未加入队列：%1</translation>
    </message>
    <message>
        <source>Reading the outbox</source>
        <translation>正在读取待发队列</translation>
    </message>
    <message>
        <source>%1 — %2 new urgent</source>
        <translation>%1 — %2 条新紧急告警</translation>
    </message>
    <message>
        <source>No snapshot with this alert</source>
        <translation>此告警没有抓图</translation>
    </message>
    <message>
        <source>Loading the snapshot…</source>
        <translation>正在加载抓图…</translation>
    </message>
    <message>
        <source>The snapshot cannot be shown</source>
        <translation>无法显示抓图</translation>
    </message>
    <message>
        <source>The snapshot could not be loaded: %1</source>
        <translation>无法加载抓图：%1</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <source>Detected</source>
        <translation>检测时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>%1 — %2 (pending)</source>
        <translation>%1 — %2（待发送）</translation>
    </message>
    <message>
        <source>%1 — refused</source>
        <translation>%1 — 被拒绝</translation>
    </message>
    <message>
        <source>%1 · likely a repeat</source>
        <translation>%1 · 可能重复</translation>
    </message>
    <message>
        <source>Smoke or fire</source>
        <translation>烟火</translation>
    </message>
    <message>
        <source>Street vendor</source>
        <translation>占道经营</translation>
    </message>
    <message>
        <source>Crowd gathering</source>
        <translation>人群聚集</translation>
    </message>
    <message>
        <source>Illegal parking</source>
        <translation>违章停车</translation>
    </message>
    <message>
        <source>Exposed garbage</source>
        <translation>垃圾暴露</translation>
    </message>
    <message>
        <source>Intrusion</source>
        <translation>区域入侵</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新告警</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>已排除</translation>
    </message>
    <message>
        <source>Promoted</source>
        <translation>已转事件</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>已合并</translation>
    </message>
</context>
<context>
    <name>AlertsPanel</name>
    <message>
        <source>%1 shown</source>
        <translation>显示 %1 条</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未办结</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Find camera or type</source>
        <translation>查找摄像机或类型</translation>
    </message>
</context>
<context>
    <name>BookmarkDialog</name>
    <message>
        <source>Kept on this workstation and sent to the server through the outbox.</source>
        <translation>保存在本工作站，并经待发队列发送到服务器。</translation>
    </message>
    <message>
        <source>Kept on this workstation. No one is signed in: whoever signs in next sends it, marked as made offline on this workstation.</source>
        <translation>保存在本工作站。当前无人登录：由下一位登录的人员发送，并注明为在本工作站离线添加。</translation>
    </message>
    <message>
        <source>Write a note for the bookmark.</source>
        <translation>请填写书签备注。</translation>
    </message>
    <message>
        <source>The note is too long (at most %1 characters).</source>
        <translation>备注过长（最多 %1 个字符）。</translation>
    </message>
    <message>
        <source>The note contains a character that cannot be kept.</source>
        <translation>备注中含有无法保存的字符。</translation>
    </message>
    <message>
        <source>An event id is one word of at most 64 characters.</source>
        <translation>事件编号应为不含空格、最多 64 个字符的一个词。</translation>
    </message>
</context>
<context>
    <name>Bookmarking</name>
    <message>
        <source>Queuing a bookmark for the server</source>
        <translation>正在将书签加入待发队列</translation>
    </message>
</context>
<context>
    <name>BookmarksPanel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Add at playhead…</source>
        <translation>在播放位置添加…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>(waiting to be sent) %1</source>
        <translation>（等待发送）%1</translation>
    </message>
</context>
<context>
    <name>CameraTree</name>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>ID: %1</source>
        <translation>编号：%1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>Location: %1</source>
        <translation>位置：%1</translation>
    </message>
    <message>
        <source>Not shared with your department</source>
        <translation>未向本部门共享</translation>
    </message>
    <message>
        <source>In favourites</source>
        <translation>已收藏</translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation>代码：%1</translation>
    </message>
    <message>
        <source>%1 of %2 cameras online</source>
        <translation>%2 路中 %1 路在线</translation>
    </message>
    <message>
        <source>The camera catalogue could not be stored on this workstation.</source>
        <translation>无法在本工作站保存摄像机目录。</translation>
    </message>
    <message>
        <source>The server cannot be reached, so the camera catalogue could not be loaded.</source>
        <translation>无法连接服务器，摄像机目录未能加载。</translation>
    </message>
    <message>
        <source>The server's camera catalogue answer is too large to be read.</source>
        <translation>服务器返回的摄像机目录过大，无法读取。</translation>
    </message>
    <message>
        <source>The server sent a camera catalogue the console cannot read (damaged or in an unknown form).</source>
        <translation>服务器发送的摄像机目录控制台无法读取（已损坏或格式未知）。</translation>
    </message>
    <message>
        <source>The server failed while sending the camera catalogue.</source>
        <translation>服务器在发送摄像机目录时出错。</translation>
    </message>
    <message>
        <source>The server refused to send the camera catalogue to this account.</source>
        <translation>服务器拒绝向此账号发送摄像机目录。</translation>
    </message>
    <message>
        <source>The camera catalogue could not be loaded.</source>
        <translation>摄像机目录未能加载。</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>立即重试</translation>
    </message>
    <message>
        <source>Trying again…</source>
        <translation>正在重试…</translation>
    </message>
    <message>
        <source>Next try in %1 s.</source>
        <translation>%1 秒后重试。</translation>
    </message>
    <message>
        <source>Loading the camera catalogue…</source>
        <translation>正在加载摄像机目录…</translation>
    </message>
</context>
<context>
    <name>CameraTreePanel</name>
    <message>
        <source>Search cameras by name or ID</source>
        <translation>按名称或编号搜索摄像机</translation>
    </message>
    <message>
        <source>The server lists no cameras that this account may see.</source>
        <translation>服务器上没有此账号可查看的摄像机。</translation>
    </message>
    <message>
        <source>Matching cameras: %1</source>
        <translation>匹配的摄像机：%1</translation>
    </message>
    <message>
        <source>Open on wall</source>
        <translation>在视频墙上打开</translation>
    </message>
    <message>
        <source>Show on map</source>
        <translation>在地图上显示</translation>
    </message>
    <message>
        <source>Show in tree</source>
        <translation>在目录树中显示</translation>
    </message>
    <message>
        <source>Remove from favourites</source>
        <translation>取消收藏</translation>
    </message>
    <message>
        <source>Add to favourites</source>
        <translation>加入收藏</translation>
    </message>
    <message>
        <source>Copy ID</source>
        <translation>复制编号</translation>
    </message>
    <message>
        <source>Favourites (%1)</source>
        <translation>收藏（%1）</translation>
    </message>
</context>
<context>
    <name>CameraView</name>
    <message>
        <source>No camera</source>
        <translation>无摄像机</translation>
    </message>
    <message>
        <source>The camera is offline</source>
        <translation>摄像机离线</translation>
    </message>
    <message>
        <source>The camera is not shared with you</source>
        <translation>该摄像机未向您共享</translation>
    </message>
    <message>
        <source>No stream: %1</source>
        <translation>无视频流：%1</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Waiting for the stream…</source>
        <translation>正在等待视频流…</translation>
    </message>
</context>
<context>
    <name>CatalogueStreams</name>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Not shared</source>
        <translation>未共享</translation>
    </message>
</context>
<context>
    <name>ClipTile</name>
    <message>
        <source>Opening…</source>
        <translation>正在打开…</translation>
    </message>
    <message>
        <source>Cannot play</source>
        <translation>无法播放</translation>
    </message>
    <message>
        <source>No recording</source>
        <translation>无录像</translation>
    </message>
    <message>
        <source>No clip</source>
        <translation>无片段</translation>
    </message>
    <message>
        <source>This clip cannot be played: %1</source>
        <translation>此片段无法播放：%1</translation>
    </message>
    <message>
        <source>No recording at this time</source>
        <translation>此时间无录像</translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <source>Closing as resolved needs a passing video verification made after the unit's latest report; the server checks it.</source>
        <translation>以“已解决”结案，需要在单位最近一次反馈之后有一次通过的视频核查；由服务器检查。</translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <source>Saving the settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <source>Signing in failed: %1</source>
        <translation>登录失败：%1</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the address and the network.</source>
        <translation>无法连接服务器。请检查地址和网络。</translation>
    </message>
    <message>
        <source>The user name or password is not acceptable.</source>
        <translation>用户名或密码格式不正确。</translation>
    </message>
    <message>
        <source>This account may not sign in here.</source>
        <translation>该账号不能在此登录。</translation>
    </message>
    <message>
        <source>The server sent the sign-in elsewhere (HTTP %1). Check the address (http or https, and the port).</source>
        <translation>服务器把登录请求转到了别处（HTTP %1）。请检查地址（http 还是 https，以及端口）。</translation>
    </message>
    <message>
        <source>The server failed to handle the sign-in (HTTP %1). Try again later.</source>
        <translation>服务器处理登录时出错（HTTP %1）。请稍后重试。</translation>
    </message>
    <message>
        <source>There is no Tianmu sign-in at this address (HTTP %1). Check the server address.</source>
        <translation>此地址上没有天目登录服务（HTTP %1）。请检查服务器地址。</translation>
    </message>
    <message>
        <source>The server refused the sign-in (HTTP %1).</source>
        <translation>服务器拒绝了登录（HTTP %1）。</translation>
    </message>
    <message>
        <source>The server answered in a way the console cannot use: %1</source>
        <translation>服务器的应答无法识别：%1</translation>
    </message>
    <message>
        <source>This is not a Tianmu server: it answered the sign-in with a web page or other content the console cannot read. Check the server address.</source>
        <translation>这不是天目服务器：它对登录请求返回了网页或控制台无法读取的其他内容。请检查服务器地址。</translation>
    </message>
    <message>
        <source>The answer to the sign-in was far too large to come from a Tianmu server, so the console stopped reading it. Check the server address.</source>
        <translation>登录应答过大，不可能来自天目服务器，控制台已停止读取。请检查服务器地址。</translation>
    </message>
    <message>
        <source>The server answered the sign-in in a form this console does not understand: it may run another version of Tianmu, or not be a Tianmu server.</source>
        <translation>服务器以本控制台无法理解的格式应答了登录：它可能运行着其他版本的天目，或者不是天目服务器。</translation>
    </message>
    <message>
        <source>The server's answer arrived cut off or damaged. Try again; if it keeps happening, check the network.</source>
        <translation>服务器的应答不完整或已损坏。请重试；如果反复出现，请检查网络。</translation>
    </message>
    <message>
        <source>Reading the camera catalogue</source>
        <translation>读取摄像机目录</translation>
    </message>
    <message>
        <source>Saving the window layout</source>
        <translation>保存窗口布局</translation>
    </message>
    <message>
        <source>Indexing the camera catalogue</source>
        <translation>建立摄像机目录索引</translation>
    </message>
    <message>
        <source>Reading the camera</source>
        <translation>正在读取摄像机信息</translation>
    </message>
    <message>
        <source>Showing the queued event</source>
        <translation>显示已排队的事件</translation>
    </message>
    <message>
        <source>Queuing the event for the server</source>
        <translation>正在将事件放入待发送队列</translation>
    </message>
    <message>
        <source>Saving the user name</source>
        <translation>保存用户名</translation>
    </message>
    <message>
        <source>The local store could not be opened: %1</source>
        <translation>无法打开本地数据库：%1</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Tianmu ran into an unexpected error. The details are in the log; if it happens again, send the details below to the administrator.</source>
        <translation>天目遇到了意外错误。详细信息已写入日志；如果再次出现，请将下方的详细信息发送给系统管理员。</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
</context>
<context>
    <name>CustomLayoutDialog</name>
    <message>
        <source>Custom grid</source>
        <translation>自定义分屏</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列数</translation>
    </message>
    <message>
        <source>Large tile rows</source>
        <translation>大窗格所占行数</translation>
    </message>
    <message>
        <source>Large tile columns</source>
        <translation>大窗格所占列数</translation>
    </message>
</context>
<context>
    <name>DelayDialog</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>There is no due time yet.</source>
        <translation>尚无办结时限。</translation>
    </message>
    <message>
        <source>Due now: %1</source>
        <translation>当前时限：%1</translation>
    </message>
    <message>
        <source>The new due time must be later than the current one.</source>
        <translation>新的时限必须晚于当前时限。</translation>
    </message>
</context>
<context>
    <name>DiagnosticsDialog</name>
    <message>
        <source>Diagnostics</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>Event loop lateness (ms)</source>
        <translation>界面事件循环延迟（毫秒）</translation>
    </message>
    <message>
        <source>Median lateness:</source>
        <translation>中位数：</translation>
    </message>
    <message>
        <source>99th percentile:</source>
        <translation>第 99 百分位：</translation>
    </message>
    <message>
        <source>Worst (recent):</source>
        <translation>最大值（近期）：</translation>
    </message>
    <message>
        <source>Worst since start:</source>
        <translation>启动以来最大值：</translation>
    </message>
    <message>
        <source>Ticks measured:</source>
        <translation>采样次数：</translation>
    </message>
    <message>
        <source>Late ticks:</source>
        <translation>超时次数：</translation>
    </message>
    <message>
        <source>Background work</source>
        <translation>后台任务</translation>
    </message>
    <message>
        <source>Store tasks:</source>
        <translation>本地存储任务：</translation>
    </message>
    <message>
        <source>Network tasks:</source>
        <translation>网络任务：</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <source>Actions waiting to be sent:</source>
        <translation>待发送操作：</translation>
    </message>
    <message>
        <source>Log file:</source>
        <translation>日志文件：</translation>
    </message>
    <message>
        <source>&amp;Reset figures</source>
        <translation>重新计数(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>not measured yet</source>
        <translation>尚未测量</translation>
    </message>
    <message>
        <source>%1 (over %2 ms)</source>
        <translation>%1（超过 %2 毫秒）</translation>
    </message>
    <message>
        <source>Last stall: %1 ms; its stack is in the log.</source>
        <translation>最近一次卡顿：%1 毫秒；调用栈已写入日志。</translation>
    </message>
    <message>
        <source>The lateness probe is not running.</source>
        <translation>延迟探针未运行。</translation>
    </message>
    <message>
        <source>%1 running, %2 queued</source>
        <translation>运行中 %1，排队 %2</translation>
    </message>
</context>
<context>
    <name>DispatchDialog</name>
    <message>
        <source>Dispatch %1</source>
        <translation>派遣 %1</translation>
    </message>
    <message>
        <source>The units could not be read: %1</source>
        <translation>无法读取单位：%1</translation>
    </message>
    <message>
        <source>Reading the units…</source>
        <translation>正在读取单位…</translation>
    </message>
    <message>
        <source>Suggested first: units of the department that normally handles this kind of event, available ones before busy ones, nearest first.</source>
        <translation>优先推荐：通常办理此类事件的部门的单位，空闲的优先，距离近的优先。</translation>
    </message>
    <message>
        <source>position unknown</source>
        <translation>位置未知</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 米</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 公里</translation>
    </message>
    <message>
        <source>available</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>busy</source>
        <translation>忙碌</translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2，%3</translation>
    </message>
    <message>
        <source>★ %1</source>
        <translation>★ %1</translation>
    </message>
    <message>
        <source>Choose the lead unit.</source>
        <translation>请选择主办单位。</translation>
    </message>
    <message>
        <source>The instructions are too long (%1 characters).</source>
        <translation>处置要求太长（%1 个字符）。</translation>
    </message>
    <message>
        <source>The due time has passed; choose a later one.</source>
        <translation>该时限已过，请选择更晚的时间。</translation>
    </message>
</context>
<context>
    <name>Docks</name>
    <message>
        <source>Cameras</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <source>Video wall</source>
        <translation>视频墙</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Video patrol</source>
        <translation>视频巡检</translation>
    </message>
    <message>
        <source>Loading the camera catalogue…</source>
        <translation>正在加载摄像机目录…</translation>
    </message>
    <message>
        <source>Open a camera from the camera tree to watch it here.</source>
        <translation>从摄像机目录中打开摄像机，在此观看。</translation>
    </message>
    <message>
        <source>The situation map appears here.</source>
        <translation>态势地图将在此显示。</translation>
    </message>
    <message>
        <source>Incidents appear here.</source>
        <translation>事件将在此显示。</translation>
    </message>
    <message>
        <source>Intelligent alerts appear here.</source>
        <translation>智能告警将在此显示。</translation>
    </message>
    <message>
        <source>Patrol plans appear here.</source>
        <translation>巡检计划将在此显示。</translation>
    </message>
</context>
<context>
    <name>EscalateDialog</name>
    <message>
        <source>Escalate %1</source>
        <translation>升级 %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: %2
Answered now at the %3 level; it goes one level up.</source>
        <translation>%1：%2
目前由%3级负责；将上升一级。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>%1 – %2 (%3 s)</source>
        <translation>%1 – %2（%3 秒）</translation>
    </message>
    <message>
        <source>Choose the folder to export into.</source>
        <translation>请选择导出文件夹。</translation>
    </message>
    <message>
        <source>Give the folder's full path.</source>
        <translation>请填写文件夹的完整路径。</translation>
    </message>
    <message>
        <source>An event id is one word of at most 64 characters.</source>
        <translation>事件编号应为不含空格、最多 64 个字符的一个词。</translation>
    </message>
    <message>
        <source>Export into a folder</source>
        <translation>导出到文件夹</translation>
    </message>
</context>
<context>
    <name>ExportRecorder</name>
    <message>
        <source>Recording an evidence export</source>
        <translation>正在登记证据导出</translation>
    </message>
</context>
<context>
    <name>FeedbackDialog</name>
    <message>
        <source>%1 is not a PNG or JPEG picture.</source>
        <translation>%1 不是 PNG 或 JPEG 图片。</translation>
    </message>
    <message>
        <source>%1 cannot be found.</source>
        <translation>找不到 %1。</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Say what was done on site.</source>
        <translation>请说明现场处置情况。</translation>
    </message>
</context>
<context>
    <name>FileDialog</name>
    <message>
        <source>The due time has passed; choose a later one.</source>
        <translation>该时限已过，请选择更晚的时间。</translation>
    </message>
</context>
<context>
    <name>IncidentActions</name>
    <message>
        <source>%1: %2 %3</source>
        <translation>%1：%2 %3</translation>
    </message>
    <message>
        <source>Give a reason.</source>
        <translation>请填写原因。</translation>
    </message>
    <message>
        <source>The text is too long (%1 characters); keep it to %2.</source>
        <translation>文字太长（%1 个字符），请不超过 %2 个。</translation>
    </message>
    <message>
        <source>The text contains a NUL character; remove it.</source>
        <translation>文本包含 NUL 字符，请删除。</translation>
    </message>
    <message>
        <source>Escalate: %1 %2</source>
        <translation>升级：%1 %2</translation>
    </message>
</context>
<context>
    <name>IncidentCategory</name>
    <message>
        <source>Smoke or fire</source>
        <translation>烟火</translation>
    </message>
    <message>
        <source>Street vendor</source>
        <translation>占道经营</translation>
    </message>
    <message>
        <source>Crowd gathering</source>
        <translation>人员聚集</translation>
    </message>
    <message>
        <source>Illegal parking</source>
        <translation>违法停车</translation>
    </message>
    <message>
        <source>Exposed garbage</source>
        <translation>暴露垃圾</translation>
    </message>
    <message>
        <source>Road hazard</source>
        <translation>道路隐患</translation>
    </message>
    <message>
        <source>Public facility damage</source>
        <translation>设施损坏</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>P1 Urgent</source>
        <translation>P1 紧急</translation>
    </message>
    <message>
        <source>P2 High</source>
        <translation>P2 较急</translation>
    </message>
    <message>
        <source>P3 Normal</source>
        <translation>P3 普通</translation>
    </message>
    <message>
        <source>P4 Low</source>
        <translation>P4 一般</translation>
    </message>
    <message>
        <source>Duty officer</source>
        <translation>值班员上报</translation>
    </message>
    <message>
        <source>Video patrol</source>
        <translation>视频巡检</translation>
    </message>
    <message>
        <source>Intelligent alert</source>
        <translation>智能告警</translation>
    </message>
    <message>
        <source>12345 hotline</source>
        <translation>12345 热线</translation>
    </message>
    <message>
        <source>Grid worker</source>
        <translation>网格员</translation>
    </message>
    <message>
        <source>Situation map</source>
        <translation>态势地图</translation>
    </message>
</context>
<context>
    <name>IncidentCloseDialog</name>
    <message>
        <source>Close the event</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>&amp;Disposition:</source>
        <translation>结案类型(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>Required unless the problem is resolved</source>
        <translation>除“已解决”外必填</translation>
    </message>
</context>
<context>
    <name>IncidentDelayDialog</name>
    <message>
        <source>Delay</source>
        <translation>延期</translation>
    </message>
    <message>
        <source>New &amp;due time:</source>
        <translation>新时限(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>Why more time is needed</source>
        <translation>需要延期的原因</translation>
    </message>
</context>
<context>
    <name>IncidentDetailPane</name>
    <message>
        <source>%1 d %2</source>
        <translation>%1 天 %2</translation>
    </message>
    <message>
        <source>Choose an event in the list to see it here.</source>
        <translation>在列表中选择一个事件，详情显示在这里。</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Priority:</source>
        <translation>优先级：</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>地点：</translation>
    </message>
    <message>
        <source>Lead unit:</source>
        <translation>主办单位：</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>办结时限：</translation>
    </message>
    <message>
        <source>Time left:</source>
        <translation>剩余时间：</translation>
    </message>
    <message>
        <source>Time limit:</source>
        <translation>时限状态：</translation>
    </message>
    <message>
        <source>Open verification view</source>
        <translation>打开视频核查</translation>
    </message>
    <message>
        <source>Escalate…</source>
        <translation>升级…</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>办理过程</translation>
    </message>
    <message>
        <source>Nearest cameras</source>
        <translation>附近摄像机</translation>
    </message>
    <message>
        <source>Reading the event</source>
        <translation>正在读取事件</translation>
    </message>
    <message>
        <source>This event is not in this console's list (yet).</source>
        <translation>本机列表中（暂）无此事件。</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 (becomes %2 once sent)</source>
        <translation>%1（发送后变为%2）</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Finding the nearest cameras</source>
        <translation>正在查找附近摄像机</translation>
    </message>
    <message>
        <source>not dispatched</source>
        <translation>未派遣</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1; assisting: %2</source>
        <translation>%1；协办：%2</translation>
    </message>
    <message>
        <source>answered at %1 level</source>
        <translation>由%1级负责</translation>
    </message>
    <message>
        <source>no time limit</source>
        <translation>无时限</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止计时</translation>
    </message>
    <message>
        <source>overdue by %1</source>
        <translation>已超时 %1</translation>
    </message>
    <message>
        <source>Queuing the action for the server</source>
        <translation>正在保存待发送的操作</translation>
    </message>
    <message>
        <source>Action not queued</source>
        <translation>操作未能保存</translation>
    </message>
    <message>
        <source>The action could not be stored for sending: %1</source>
        <translation>操作未能保存待发送：%1</translation>
    </message>
    <message>
        <source>Discarding</source>
        <translation>正在丢弃</translation>
    </message>
    <message>
        <source>Reading the units</source>
        <translation>正在读取单位</translation>
    </message>
    <message>
        <source>The server could not be asked: %1</source>
        <translation>无法查询服务器：%1</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
</context>
<context>
    <name>IncidentDispatchDialog</name>
    <message>
        <source>Dispatch the event</source>
        <translation>派遣事件</translation>
    </message>
    <message>
        <source>&amp;Lead unit:</source>
        <translation>主办单位(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Assisting units:</source>
        <translation>协办单位(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Instructions:</source>
        <translation>处置要求(&amp;I)：</translation>
    </message>
    <message>
        <source>What the unit should do</source>
        <translation>单位应当如何处置</translation>
    </message>
    <message>
        <source>&amp;Due by:</source>
        <translation>时限(&amp;D)：</translation>
    </message>
    <message>
        <source>Set a due time</source>
        <translation>设置时限</translation>
    </message>
</context>
<context>
    <name>IncidentFeedbackDialog</name>
    <message>
        <source>Report back</source>
        <translation>处置反馈</translation>
    </message>
    <message>
        <source>&amp;Result:</source>
        <translation>结果(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;What was done:</source>
        <translation>处置情况(&amp;W)：</translation>
    </message>
    <message>
        <source>What the unit did on site</source>
        <translation>单位在现场做了什么</translation>
    </message>
    <message>
        <source>&amp;Photos:</source>
        <translation>照片(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Add photos…</source>
        <translation>添加照片(&amp;A)…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>移除(&amp;M)</translation>
    </message>
</context>
<context>
    <name>IncidentFileDialog</name>
    <message>
        <source>File the event</source>
        <translation>立案</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>类别(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>优先级(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Due by:</source>
        <translation>时限(&amp;D)：</translation>
    </message>
    <message>
        <source>Set a due time</source>
        <translation>设置时限</translation>
    </message>
</context>
<context>
    <name>IncidentFilterBar</name>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>Incidents I raised or my unit leads</source>
        <translation>我上报的或本单位主办的事件</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Awaiting verification</source>
        <translation>待核查</translation>
    </message>
    <message>
        <source>Reported back by the unit or being verified</source>
        <translation>单位已反馈或正在核查</translation>
    </message>
    <message>
        <source>Search number, title, address</source>
        <translation>搜索编号、标题、地址</translation>
    </message>
    <message>
        <source>Incidents: %1</source>
        <translation>事件：%1</translation>
    </message>
    <message>
        <source>The list could not be read</source>
        <translation>列表读取失败</translation>
    </message>
    <message>
        <source>All towns</source>
        <translation>全部镇区</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未办结</translation>
    </message>
</context>
<context>
    <name>IncidentLifecycle</name>
    <message>
        <source>Reported</source>
        <translation>上报</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>已立案</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>已派遣</translation>
    </message>
    <message>
        <source>Signed for</source>
        <translation>已签收</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>处置中</translation>
    </message>
    <message>
        <source>Reported back</source>
        <translation>已反馈</translation>
    </message>
    <message>
        <source>Being verified</source>
        <translation>核查中</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>已返工</translation>
    </message>
    <message>
        <source>Returned by the unit</source>
        <translation>已退单</translation>
    </message>
    <message>
        <source>Delay requested</source>
        <translation>申请延期</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>已挂账</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>已合并</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>不予受理…</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>立案…</translation>
    </message>
    <message>
        <source>Dispatch…</source>
        <translation>派遣…</translation>
    </message>
    <message>
        <source>Sign for it</source>
        <translation>签收</translation>
    </message>
    <message>
        <source>Return…</source>
        <translation>退单…</translation>
    </message>
    <message>
        <source>Start handling</source>
        <translation>开始处置</translation>
    </message>
    <message>
        <source>Request a delay…</source>
        <translation>申请延期…</translation>
    </message>
    <message>
        <source>Approve the delay…</source>
        <translation>批准延期…</translation>
    </message>
    <message>
        <source>Deny the delay…</source>
        <translation>驳回延期…</translation>
    </message>
    <message>
        <source>Suspend…</source>
        <translation>挂账…</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复办理</translation>
    </message>
    <message>
        <source>Report back…</source>
        <translation>处置反馈…</translation>
    </message>
    <message>
        <source>Verify by video</source>
        <translation>视频核查</translation>
    </message>
    <message>
        <source>Close…</source>
        <translation>结案…</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>返工…</translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation>合并到…</translation>
    </message>
    <message>
        <source>Cancel the event…</source>
        <translation>撤销事件…</translation>
    </message>
    <message>
        <source>Handling started</source>
        <translation>开始处置</translation>
    </message>
    <message>
        <source>Delay approved</source>
        <translation>延期已批准</translation>
    </message>
    <message>
        <source>Delay denied</source>
        <translation>延期已驳回</translation>
    </message>
    <message>
        <source>Resumed</source>
        <translation>已恢复办理</translation>
    </message>
    <message>
        <source>Verification started</source>
        <translation>开始核查</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>False report</source>
        <translation>误报</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Transferred elsewhere</source>
        <translation>已转办</translation>
    </message>
    <message>
        <source>Backlogged</source>
        <translation>挂账结案</translation>
    </message>
    <message>
        <source>Fixed</source>
        <translation>已处置</translation>
    </message>
    <message>
        <source>Partly fixed</source>
        <translation>部分处置</translation>
    </message>
    <message>
        <source>Not fixed</source>
        <translation>未处置</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>不通过</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>黄灯</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>橙灯</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>红灯</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Reminded</source>
        <translation>已提醒</translation>
    </message>
    <message>
        <source>Under supervision</source>
        <translation>已督办</translation>
    </message>
    <message>
        <source>Reported to the supervisor</source>
        <translation>已上报值班长</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>户</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>组</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>镇</translation>
    </message>
    <message>
        <source>City</source>
        <translation>市</translation>
    </message>
    <message>
        <source>Public safety</source>
        <translation>公共安全</translation>
    </message>
    <message>
        <source>City appearance</source>
        <translation>市容环境</translation>
    </message>
    <message>
        <source>Traffic order</source>
        <translation>交通秩序</translation>
    </message>
    <message>
        <source>Public facilities</source>
        <translation>公共设施</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>available</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>dispatched</source>
        <translation>已派出</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>on the way</source>
        <translation>在途</translation>
    </message>
    <message>
        <source>on scene</source>
        <translation>在现场</translation>
    </message>
    <message>
        <source>returning</source>
        <translation>返回中</translation>
    </message>
    <message>
        <source>out of service</source>
        <translation>停止服务</translation>
    </message>
</context>
<context>
    <name>IncidentListModel</name>
    <message>
        <source>Filtering incidents</source>
        <translation>正在筛选事件</translation>
    </message>
    <message>
        <source>Updating the incident list</source>
        <translation>正在更新事件列表</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Lead unit</source>
        <translation>主办单位</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>来电人</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止计时</translation>
    </message>
    <message>
        <source>%1d %2</source>
        <translation>%1天 %2</translation>
    </message>
    <message>
        <source>Reading incidents</source>
        <translation>正在读取事件</translation>
    </message>
</context>
<context>
    <name>IncidentListPanel</name>
    <message>
        <source>Finding the incident in the list</source>
        <translation>正在列表中查找事件</translation>
    </message>
    <message>
        <source>Reading towns and units</source>
        <translation>正在读取镇区和单位</translation>
    </message>
</context>
<context>
    <name>IncidentMergeDialog</name>
    <message>
        <source>Merge into another event</source>
        <translation>合并到其他事件</translation>
    </message>
    <message>
        <source>Event &amp;number:</source>
        <translation>事件编号(&amp;N)：</translation>
    </message>
    <message>
        <source>The number of the event to keep</source>
        <translation>要保留的事件的编号</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>Keeps:</source>
        <translation>保留：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>可选</translation>
    </message>
</context>
<context>
    <name>IncidentReasonDialog</name>
    <message>
        <source>Give a reason</source>
        <translation>填写原因</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>Why, in a sentence or two</source>
        <translation>原因，一两句话即可</translation>
    </message>
</context>
<context>
    <name>IncidentTimeline</name>
    <message>
        <source>Source: %1</source>
        <translation>来源：%1</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>上报</translation>
    </message>
    <message>
        <source>Lead unit: %1</source>
        <translation>主办单位：%1</translation>
    </message>
    <message>
        <source>Instructions: %1</source>
        <translation>处置要求：%1</translation>
    </message>
    <message>
        <source>Due: %1</source>
        <translation>时限：%1</translation>
    </message>
    <message>
        <source>Result: %1</source>
        <translation>结果：%1</translation>
    </message>
    <message>
        <source>Disposition: %1</source>
        <translation>结案类型：%1</translation>
    </message>
    <message>
        <source>Merged into: %1</source>
        <translation>合并至：%1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <source>%1 (%2 → %3)</source>
        <translation>%1（%2 → %3）</translation>
    </message>
    <message>
        <source>Cameras: %1</source>
        <translation>摄像机：%1</translation>
    </message>
    <message>
        <source>Verified by video: %1</source>
        <translation>视频核查：%1</translation>
    </message>
    <message>
        <source>Time limit: %1</source>
        <translation>时限：%1</translation>
    </message>
    <message>
        <source>Overdue: %1</source>
        <translation>超时：%1</translation>
    </message>
    <message>
        <source>Escalated to the %1 level</source>
        <translation>升级至%1级</translation>
    </message>
</context>
<context>
    <name>KeptActions</name>
    <message>
        <source>The outbox file could not be read at all; any actions in it could not be kept. The file was left as it was: %1</source>
        <translation>发件箱文件完全无法读取，其中的操作无法保留。该文件保持原样：%1</translation>
    </message>
    <message>
        <source>%1 action(s) could not be read back and are not listed here. What could be read of them is in: %2</source>
        <translation>%1 个操作无法读回，未在此列出。其中可读取的内容位于：%2</translation>
    </message>
    <message>
        <source>%1 %2, queued %3</source>
        <translation>%1 %2，排队于 %3</translation>
    </message>
    <message>
        <source>That did not work: %1</source>
        <translation>操作未成功：%1</translation>
    </message>
    <message>
        <source>%1 action(s) queued for delivery; they are sent in order.</source>
        <translation>%1 个操作已排队等待发送，将按顺序发送。</translation>
    </message>
    <message>
        <source>%1 action(s) discarded.</source>
        <translation>已丢弃 %1 个操作。</translation>
    </message>
    <message>
        <source>%1 action(s) written to %2. They stay here until you deliver or discard them.</source>
        <translation>%1 个操作已写入 %2。在您发送或丢弃之前，它们仍保留在此处。</translation>
    </message>
</context>
<context>
    <name>KeptActionsDialog</name>
    <message>
        <source>Export actions</source>
        <translation>导出操作</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl)</source>
        <translation>JSON 行文件 (*.jsonl)</translation>
    </message>
    <message>
        <source>Discard actions</source>
        <translation>丢弃操作</translation>
    </message>
    <message>
        <source>Discard %1 action(s)? They will never be sent to the server. This cannot be undone.</source>
        <translation>丢弃 %1 个操作？它们将永远不会发送到服务器。此操作无法撤销。</translation>
    </message>
    <message>
        <source>Actions not sent</source>
        <translation>未发送的操作</translation>
    </message>
    <message>
        <source>These actions were saved on this workstation but the server never confirmed them. The outbox that held them could not be opened (it was damaged, or written by a newer version of Tianmu), so they were kept aside. They are not sent until you decide.</source>
        <translation>这些操作已保存在本工作站，但服务器从未确认。保存它们的发件箱无法打开（已损坏，或由更新版本的天目写入），因此已另行保留。在您作出决定之前不会发送。</translation>
    </message>
    <message>
        <source>&amp;Deliver</source>
        <translation>发送(&amp;D)</translation>
    </message>
    <message>
        <source>Send the ticked actions to the server now. An action the server already has is not applied twice.</source>
        <translation>立即将勾选的操作发送到服务器。服务器已收到的操作不会重复执行。</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the ticked actions to a file. They stay here until you deliver or discard them.</source>
        <translation>将勾选的操作保存到文件。在您发送或丢弃之前，它们仍保留在此处。</translation>
    </message>
    <message>
        <source>D&amp;iscard…</source>
        <translation>丢弃(&amp;I)…</translation>
    </message>
    <message>
        <source>Drop the ticked actions: they will never be sent.</source>
        <translation>丢弃勾选的操作：它们将永远不会被发送。</translation>
    </message>
    <message>
        <source>Decide &amp;later</source>
        <translation>稍后决定(&amp;L)</translation>
    </message>
</context>
<context>
    <name>KeptActionsField</name>
    <message>
        <source>⚠ Not sent, waiting for you: %1</source>
        <translation>⚠ 未发送，等待您处理：%1</translation>
    </message>
    <message>
        <source>Actions kept from an outbox that could not be opened. They are not sent until you deliver them.</source>
        <translation>从无法打开的发件箱中保留的操作。在您发送之前不会发送。</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>查看…</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in to Tianmu</source>
        <translation>登录天目</translation>
    </message>
    <message>
        <source>Tianmu operator console</source>
        <translation>天目综合指挥操作台</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Play recorded clips from this computer, without a server or signing in</source>
        <translation>播放本机上的录像片段，无需服务器，无需登录</translation>
    </message>
    <message>
        <source>Review clips offline</source>
        <translation>离线回看录像</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>Enter the server address.</source>
        <translation>请输入服务器地址。</translation>
    </message>
    <message>
        <source>The server address %1</source>
        <translation>服务器地址%1</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>Signed in. Opening the console…</source>
        <translation>登录成功，正在打开操作台…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Tianmu operator console</source>
        <translation>天目综合指挥操作台</translation>
    </message>
    <message>
        <source>&amp;Console</source>
        <translation>操作台(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Diagnostics…</source>
        <translation>诊断(&amp;D)…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>注销(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation>恢复默认布局(&amp;R)</translation>
    </message>
</context>
<context>
    <name>MapFeature</name>
    <message>
        <source>Map: %1; the offline demo map is shown.</source>
        <translation>地图：%1；现显示离线演示地图。</translation>
    </message>
    <message>
        <source>Reading the map's layers</source>
        <translation>正在读取地图图层</translation>
    </message>
    <message>
        <source>Reading this shift's patrols</source>
        <translation>正在读取本班巡检记录</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>(pending)</source>
        <translation>（待发送）</translation>
    </message>
    <message>
        <source>Searching a vehicle's passes</source>
        <translation>正在查询车辆过车记录</translation>
    </message>
    <message>
        <source>%1 at %2, %3</source>
        <translation>%1 于 %2，%3</translation>
    </message>
    <message>
        <source>%1 — no snapshot with this pass</source>
        <translation>%1 — 该过车无抓拍</translation>
    </message>
    <message>
        <source>%1 — loading the snapshot…</source>
        <translation>%1 — 正在加载抓拍…</translation>
    </message>
    <message>
        <source>Reading the route guards</source>
        <translation>正在读取安保路线</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Raise an event here…</source>
        <translation>在此上报事件…</translation>
    </message>
    <message>
        <source>The snapshot of this pass could not be loaded: %1</source>
        <translation>无法加载该过车抓拍：%1</translation>
    </message>
    <message>
        <source>The route guards could not be read: %1</source>
        <translation>无法读取安保路线：%1</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>Vehicle track</source>
        <translation>车辆轨迹</translation>
    </message>
    <message>
        <source>Route guard</source>
        <translation>路线安保</translation>
    </message>
    <message>
        <source>Nearby</source>
        <translation>附近</translation>
    </message>
</context>
<context>
    <name>MapLayers</name>
    <message>
        <source>Cameras</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Units (10-minute trail)</source>
        <translation>力量（10 分钟轨迹）</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Patrol coverage this shift</source>
        <translation>本班巡检覆盖</translation>
    </message>
    <message>
        <source>Vehicle track</source>
        <translation>车辆轨迹</translation>
    </message>
    <message>
        <source>Route guard</source>
        <translation>路线安保</translation>
    </message>
    <message>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>P1 urgent</source>
        <translation>P1 紧急</translation>
    </message>
    <message>
        <source>P2 high</source>
        <translation>P2 高</translation>
    </message>
    <message>
        <source>P3 normal</source>
        <translation>P3 一般</translation>
    </message>
    <message>
        <source>P4 low</source>
        <translation>P4 低</translation>
    </message>
    <message>
        <source>overdue (pulsing)</source>
        <translation>已超时（闪动）</translation>
    </message>
    <message>
        <source>available</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>dispatched</source>
        <translation>已派遣</translation>
    </message>
    <message>
        <source>on the way</source>
        <translation>在途</translation>
    </message>
    <message>
        <source>on scene</source>
        <translation>到场</translation>
    </message>
    <message>
        <source>returning</source>
        <translation>返回中</translation>
    </message>
    <message>
        <source>out of service</source>
        <translation>停止服务</translation>
    </message>
    <message>
        <source>urgent alert (new ones flash)</source>
        <translation>紧急告警（新告警闪烁）</translation>
    </message>
    <message>
        <source>other open alert</source>
        <translation>其他未处理告警</translation>
    </message>
    <message>
        <source>camera seen on patrol</source>
        <translation>巡检已看过的摄像机</translation>
    </message>
    <message>
        <source>passes in time order</source>
        <translation>按时间顺序的过车</translation>
    </message>
    <message>
        <source>route</source>
        <translation>路线</translation>
    </message>
    <message>
        <source>checkpoint</source>
        <translation>卡口</translation>
    </message>
    <message>
        <source>post</source>
        <translation>岗位</translation>
    </message>
</context>
<context>
    <name>MapTiles</name>
    <message>
        <source>Offline demo map (Qionghai)</source>
        <translation>离线演示地图（琼海）</translation>
    </message>
    <message>
        <source>Simplified demo map, not survey data</source>
        <translation>简化的演示地图，非测绘数据</translation>
    </message>
    <message>
        <source>Offline map file</source>
        <translation>离线地图文件</translation>
    </message>
    <message>
        <source>OpenStreetMap</source>
        <translation>OpenStreetMap</translation>
    </message>
    <message>
        <source>Tianditu</source>
        <translation>天地图</translation>
    </message>
    <message>
        <source>Custom tile server</source>
        <translation>自定义瓦片服务器</translation>
    </message>
    <message>
        <source>must start with http:// or https://</source>
        <translation>必须以 http:// 或 https:// 开头</translation>
    </message>
    <message>
        <source>must not contain a user name or password</source>
        <translation>不能包含用户名或密码</translation>
    </message>
    <message>
        <source>has an unknown placeholder %1</source>
        <translation>含有未知的占位符 %1</translation>
    </message>
    <message>
        <source>must contain %1</source>
        <translation>必须包含 %1</translation>
    </message>
    <message>
        <source>must name a host (only {s} may vary in it)</source>
        <translation>必须写明主机名（主机名中只有 {s} 可以变化）</translation>
    </message>
    <message>
        <source>must be the 32-character key from the Tianditu console (0-9, a-f)</source>
        <translation>必须是天地图控制台提供的 32 位密钥（0-9、a-f）</translation>
    </message>
    <message>
        <source>Tianditu needs a key in the settings</source>
        <translation>使用天地图需要在设置中填写密钥</translation>
    </message>
    <message>
        <source>The Tianditu key in the settings is not valid</source>
        <translation>设置中的天地图密钥无效</translation>
    </message>
    <message>
        <source>No tile server address is set</source>
        <translation>未设置瓦片服务器地址</translation>
    </message>
    <message>
        <source>The tile server address %1</source>
        <translation>瓦片服务器地址%1</translation>
    </message>
    <message>
        <source>The offline map file %1 cannot be used: %2</source>
        <translation>无法使用离线地图文件 %1：%2</translation>
    </message>
    <message>
        <source>it does not exist</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>it is not a file</source>
        <translation>它不是文件</translation>
    </message>
    <message>
        <source>it cannot be read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>it is not an MBTiles file</source>
        <translation>不是 MBTiles 文件</translation>
    </message>
    <message>
        <source>it holds no tiles</source>
        <translation>其中没有瓦片</translation>
    </message>
    <message>
        <source>it is damaged</source>
        <translation>文件已损坏</translation>
    </message>
    <message>
        <source>it was closed</source>
        <translation>文件已关闭</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>Camera online</source>
        <translation>摄像机在线</translation>
    </message>
    <message>
        <source>Camera offline</source>
        <translation>摄像机离线</translation>
    </message>
    <message>
        <source>Selected camera's view</source>
        <translation>所选摄像机视野</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Event overdue</source>
        <translation>事件已超时</translation>
    </message>
    <message>
        <source>Unit and its trail</source>
        <translation>单位及其轨迹</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Patrolled this shift</source>
        <translation>本班次已巡检</translation>
    </message>
    <message>
        <source>Vehicle track</source>
        <translation>车辆轨迹</translation>
    </message>
    <message>
        <source>Guarded route</source>
        <translation>警卫路线</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>Click the map to pick the place; Esc cancels</source>
        <translation>单击地图选取位置；按 Esc 取消</translation>
    </message>
</context>
<context>
    <name>MediaCache</name>
    <message>
        <source>Fetching evidence</source>
        <translation>正在获取证据</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge %1 into another event</source>
        <translation>将 %1 合并到其他事件</translation>
    </message>
    <message>
        <source>Looking for it…</source>
        <translation>正在查找…</translation>
    </message>
    <message>
        <source>Type the number and press Find.</source>
        <translation>输入编号后按“查找”。</translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2（%3）</translation>
    </message>
    <message>
        <source>Type the number of the event to keep.</source>
        <translation>请输入要保留的事件编号。</translation>
    </message>
    <message>
        <source>There is no event numbered %1.</source>
        <translation>没有编号为 %1 的事件。</translation>
    </message>
    <message>
        <source>An event cannot be merged into itself.</source>
        <translation>事件不能合并到自身。</translation>
    </message>
    <message>
        <source>Find the event to keep first.</source>
        <translation>请先查找要保留的事件。</translation>
    </message>
    <message>
        <source>The reason is too long.</source>
        <translation>原因太长。</translation>
    </message>
</context>
<context>
    <name>NearestCamerasView</name>
    <message>
        <source>No cameras near this place.</source>
        <translation>此地点附近没有摄像机。</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>named by the event</source>
        <translation>事件关联</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 米</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 公里</translation>
    </message>
    <message>
        <source>%1, named by the event</source>
        <translation>%1，事件关联</translation>
    </message>
    <message>
        <source>%1, offline</source>
        <translation>%1，离线</translation>
    </message>
</context>
<context>
    <name>OfflineBanner</name>
    <message>
        <source>The server cannot be reached. You are working offline: what you see may be out of date, and your actions are kept on this workstation and sent when the connection returns.</source>
        <translation>无法连接服务器，当前为离线工作：显示的信息可能不是最新的；您的操作已保存在本机，连接恢复后自动发送。</translation>
    </message>
    <message>
        <source>Waiting to be sent: %1.</source>
        <translation>待发送：%1 项。</translation>
    </message>
    <message>
        <source>Reconnection attempt %1.</source>
        <translation>第 %1 次重连。</translation>
    </message>
</context>
<context>
    <name>PatrolPanel</name>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>New plan…</source>
        <translation>新建计划…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Cameras per page: </source>
        <translation>每页摄像机数：</translation>
    </message>
    <message>
        <source>Start patrol</source>
        <translation>开始巡检</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Normal (Space)</source>
        <translation>正常（空格）</translation>
    </message>
    <message>
        <source>Abnormal (X)</source>
        <translation>异常（X）</translation>
    </message>
    <message>
        <source>Rest normal (Shift+Space)</source>
        <translation>其余正常（Shift+空格）</translation>
    </message>
    <message>
        <source>Marks the selected camera of the screen you work on as normal (Space).</source>
        <translation>将当前操作屏幕上选中的摄像机判为正常（空格）。</translation>
    </message>
    <message>
        <source>Marks the selected camera of the screen you work on as abnormal (X) and opens the event dialog on that screen with a snapshot.</source>
        <translation>将当前操作屏幕上选中的摄像机判为异常（X），并在该屏幕上打开附带截图的事件对话框。</translation>
    </message>
    <message>
        <source>Marks every camera of the screen you work on that has no verdict yet as normal (Shift+Space).</source>
        <translation>将当前操作屏幕上所有尚未判定的摄像机判为正常（Shift+空格）。</translation>
    </message>
    <message>
        <source>All screens step together</source>
        <translation>所有屏幕同步翻页</translation>
    </message>
    <message>
        <source>Each screen on its own dwell</source>
        <translation>每个屏幕按各自停留时间翻页</translation>
    </message>
    <message>
        <source>With pages detached to other monitors, the patrol uses every screen of the wall. Together: all screens turn the page at once. Own dwell: each screen turns its page when its dwell is up or its cameras are judged.</source>
        <translation>页面分离到其他显示器时，巡检会使用电视墙的每个屏幕。同步：所有屏幕同时翻页。各自停留：每个屏幕在停留时间到或摄像机全部判定后各自翻页。</translation>
    </message>
    <message>
        <source>Loading patrol plans</source>
        <translation>正在加载巡检计划</translation>
    </message>
    <message>
        <source>%1 — %2 cameras, %3 s each</source>
        <translation>%1 — %2 路摄像机，每页 %3 秒</translation>
    </message>
    <message>
        <source>Could not load the patrol plans: %1</source>
        <translation>无法加载巡检计划：%1</translation>
    </message>
    <message>
        <source>Could not save the plan: %1</source>
        <translation>无法保存巡检计划：%1</translation>
    </message>
    <message>
        <source>Shows the next page of the screen you work on (the one you last clicked or gave a verdict on); the other screens keep theirs.</source>
        <translation>显示您正在操作的屏幕（最近点击或给出结论的屏幕）的下一页；其他屏幕保持当前页。</translation>
    </message>
    <message>
        <source>Shows the next page on every screen of the patrol.</source>
        <translation>在巡检的每个屏幕上显示下一页。</translation>
    </message>
    <message>
        <source>Page %1 of %2 · %3 s left</source>
        <translation>第 %1/%2 页 · 剩余 %3 秒</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Main window</source>
        <translation>主窗口</translation>
    </message>
    <message>
        <source>Detached screen %1</source>
        <translation>分离屏幕 %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1: monitor gone, its pages go on on the other screens</source>
        <translation>%1：显示器已断开，其页面转到其他屏幕继续巡检</translation>
    </message>
    <message>
        <source>%1: done, %2 pages</source>
        <translation>%1：已完成，共 %2 页</translation>
    </message>
    <message>
        <source>%1: page %2 of %3 · %4 s left · %5 of %6 judged</source>
        <translation>%1：第 %2/%3 页 · 剩余 %4 秒 · 已判定 %5/%6</translation>
    </message>
    <message>
        <source>The patrol record could not be queued: %1</source>
        <translation>巡检记录未能放入待发送队列：%1</translation>
    </message>
    <message>
        <source>Patrol finished: %1 of %2 cameras seen (%3%). Normal %4, abnormal %5, no picture %6, not judged %7, not reached %8.</source>
        <translation>巡检结束：已查看 %1/%2 路摄像机（%3%）。正常 %4，异常 %5，无画面 %6，未判定 %7，未巡到 %8。</translation>
    </message>
</context>
<context>
    <name>PatrolRunner</name>
    <message>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Abnormal</source>
        <translation>异常</translation>
    </message>
</context>
<context>
    <name>PendingBanner</name>
    <message>
        <source>Waiting to be sent (%1): %2</source>
        <translation>等待发送（%1）：%2</translation>
    </message>
    <message>
        <source>Kept from an earlier outbox, not sent: %1</source>
        <translation>从先前的发件箱保留，未发送：%1</translation>
    </message>
    <message>
        <source>The server refused “%1” (%2): %3</source>
        <translation>服务器拒绝了“%1”（%2）：%3</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>未说明原因</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>Drop this action; later actions on this event are then sent.</source>
        <translation>丢弃此操作；之后此事件的其他操作将继续发送。</translation>
    </message>
</context>
<context>
    <name>PickBanner</name>
    <message>
        <source>Click the map where it happened.</source>
        <translation>在地图上点击事发地点。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message>
        <source>Patrol plan</source>
        <translation>巡检计划</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Seconds per page</source>
        <translation>每页停留秒数</translation>
    </message>
    <message>
        <source>Cameras (drop from the tree)</source>
        <translation>摄像机（从目录拖入）</translation>
    </message>
</context>
<context>
    <name>RaiseByHand</name>
    <message>
        <source>&amp;Raise event…</source>
        <translation>上报事件(&amp;R)…</translation>
    </message>
    <message>
        <source>Raise an event by hand, for a 12345 hotline call or a report in person</source>
        <translation>手动上报事件：12345 热线来电或当面报告</translation>
    </message>
    <message>
        <source>&amp;Incidents</source>
        <translation>事件(&amp;I)</translation>
    </message>
</context>
<context>
    <name>RaiseEventDialog</name>
    <message>
        <source>Only PNG or JPEG snapshots can be attached.</source>
        <translation>只能附加 PNG 或 JPEG 截图。</translation>
    </message>
    <message>
        <source>Loading the snapshot…</source>
        <translation>正在载入截图…</translation>
    </message>
    <message>
        <source>Pick on &amp;map</source>
        <translation>在地图上选点(&amp;M)</translation>
    </message>
    <message>
        <source>Say where it happened.</source>
        <translation>请说明事发地点。</translation>
    </message>
    <message>
        <source>Raise event: %1 (caller %2 %3)</source>
        <translation>上报事件：%1（来电人 %2 %3）</translation>
    </message>
    <message>
        <source>Raise event: %1</source>
        <translation>上报事件：%1</translation>
    </message>
    <message>
        <source>Could not queue the event: %1</source>
        <translation>无法将事件放入待发送队列：%1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Not picked yet.</source>
        <translation>尚未选择。</translation>
    </message>
    <message>
        <source>At camera %1 (%2)</source>
        <translation>位于摄像机 %1（%2）</translation>
    </message>
    <message>
        <source>In %1 (its centre)</source>
        <translation>位于 %1（中心点）</translation>
    </message>
    <message>
        <source>At %1, %2</source>
        <translation>位于 %1, %2</translation>
    </message>
    <message>
        <source>The caller's name is too long (%1 characters); keep it to %2.</source>
        <translation>来电人姓名过长（%1 个字符），请不超过 %2 个字符。</translation>
    </message>
    <message>
        <source>The caller's phone may hold only digits (spaces and dashes are fine, and one + in front).</source>
        <translation>来电号码只能包含数字（可含空格和连字符，开头可有一个 +）。</translation>
    </message>
    <message>
        <source>The caller's phone must have 7 to 15 digits.</source>
        <translation>来电号码须为 7 至 15 位数字。</translation>
    </message>
    <message>
        <source>Enter the caller's phone number: a hotline call has one.</source>
        <translation>请输入来电号码：热线来电都有号码。</translation>
    </message>
    <message>
        <source>Choose the town or village from the list.</source>
        <translation>请从列表中选择乡镇或村。</translation>
    </message>
    <message>
        <source>Say where it happened: search a camera, or choose a town or village or type coordinates under Location.</source>
        <translation>请说明事发地点：搜索摄像机，或选择乡镇或村，或在“位置来源”处输入坐标。</translation>
    </message>
    <message>
        <source>Choose one of the cameras found.</source>
        <translation>请从找到的摄像机中选择一个。</translation>
    </message>
    <message>
        <source>Put the latitude first, then the longitude (e.g. 19.2466, 110.4665).</source>
        <translation>请先写纬度，再写经度（例如 19.2466, 110.4665）。</translation>
    </message>
    <message>
        <source>The latitude must lie between -90 and 90 degrees.</source>
        <translation>纬度须在 -90 至 90 度之间。</translation>
    </message>
    <message>
        <source>The longitude must lie between -180 and 180 degrees.</source>
        <translation>经度须在 -180 至 180 度之间。</translation>
    </message>
    <message>
        <source>Type the coordinates as two decimal numbers, latitude then longitude (WGS-84), e.g. 19.2466, 110.4665.</source>
        <translation>请以两个小数输入坐标，先纬度后经度（WGS-84），例如 19.2466, 110.4665。</translation>
    </message>
    <message>
        <source>Enter a title: what is happening, in a few words.</source>
        <translation>请填写标题：简要说明发生了什么。</translation>
    </message>
    <message>
        <source>The title is too long (%1 characters); keep it to %2.</source>
        <translation>标题过长（%1 个字符），请控制在 %2 个字符以内。</translation>
    </message>
    <message>
        <source>The description is too long (%1 characters); keep it to %2.</source>
        <translation>描述过长（%1 个字符），请控制在 %2 个字符以内。</translation>
    </message>
    <message>
        <source>The address is too long (%1 characters); keep it to %2.</source>
        <translation>地址过长（%1 个字符），请控制在 %2 个字符以内。</translation>
    </message>
    <message>
        <source>The text contains a NUL character; remove it.</source>
        <translation>文本中含有 NUL 字符，请删除。</translation>
    </message>
    <message>
        <source>No snapshot attached</source>
        <translation>未附截图</translation>
    </message>
    <message>
        <source>The snapshot %1 could not be read; it is not attached.</source>
        <translation>无法读取截图 %1，未附加。</translation>
    </message>
    <message>
        <source>Raise an event</source>
        <translation>上报事件</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>What is happening, in a few words</source>
        <translation>简要说明发生了什么</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>类别(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>优先级(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>来源(&amp;S)：</translation>
    </message>
    <message>
        <source>Caller &amp;name:</source>
        <translation>来电人姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>As the caller gives it (optional)</source>
        <translation>按来电人所述（选填）</translation>
    </message>
    <message>
        <source>Caller p&amp;hone:</source>
        <translation>来电号码(&amp;H)：</translation>
    </message>
    <message>
        <source>7 to 15 digits, e.g. 13812345678</source>
        <translation>7 至 15 位数字，例如 13812345678</translation>
    </message>
    <message>
        <source>Camera:</source>
        <translation>摄像机：</translation>
    </message>
    <message>
        <source>Location from:</source>
        <translation>位置来源：</translation>
    </message>
    <message>
        <source>A ca&amp;mera</source>
        <translation>摄像机(&amp;M)</translation>
    </message>
    <message>
        <source>A town or &amp;village</source>
        <translation>乡镇或村(&amp;V)</translation>
    </message>
    <message>
        <source>Coord&amp;inates</source>
        <translation>坐标(&amp;I)</translation>
    </message>
    <message>
        <source>Type part of a camera's name or code</source>
        <translation>输入摄像机名称或编码的一部分</translation>
    </message>
    <message>
        <source>Type part of a town's or village's name, then choose it</source>
        <translation>输入乡镇或村名称的一部分，然后选择</translation>
    </message>
    <message>
        <source>Latitude, longitude (WGS-84), e.g. 19.2466, 110.4665</source>
        <translation>纬度, 经度（WGS-84），例如 19.2466, 110.4665</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>位置：</translation>
    </message>
    <message>
        <source>L&amp;atitude</source>
        <translation>纬度(&amp;A)</translation>
    </message>
    <message>
        <source>L&amp;ongitude</source>
        <translation>经度(&amp;O)</translation>
    </message>
    <message>
        <source>A&amp;ddress:</source>
        <translation>地址(&amp;D)：</translation>
    </message>
    <message>
        <source>Street, landmark or village (optional)</source>
        <translation>街道、地标或村庄（选填）</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>描述(&amp;E)：</translation>
    </message>
    <message>
        <source>What you see, who is affected, what is needed (optional)</source>
        <translation>现场情况、影响对象、所需处置（选填）</translation>
    </message>
    <message>
        <source>Snapshot:</source>
        <translation>截图：</translation>
    </message>
    <message>
        <source>&amp;Remove snapshot</source>
        <translation>移除截图(&amp;R)</translation>
    </message>
    <message>
        <source>Re&amp;port</source>
        <translation>上报(&amp;P)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>ReauthPrompt</name>
    <message>
        <source>Sign in again</source>
        <translation>重新登录</translation>
    </message>
    <message>
        <source>The server ended this session. Enter your password to carry on; the wall and the actions waiting to be sent are kept.</source>
        <translation>服务器已结束本次会话。请输入密码继续；电视墙和待发送的操作均已保留。</translation>
    </message>
</context>
<context>
    <name>RecordingsPanel</name>
    <message>
        <source>Camera name or id</source>
        <translation>摄像机名称或编号</translation>
    </message>
    <message>
        <source>List recordings</source>
        <translation>列出录像</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Download and open</source>
        <translation>下载并打开</translation>
    </message>
    <message>
        <source>Download the ticked recordings into the offline cache and play them together</source>
        <translation>将勾选的录像下载到离线缓存并同步播放</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>This recording:</source>
        <translation>当前录像：</translation>
    </message>
    <message>
        <source>All:</source>
        <translation>全部：</translation>
    </message>
    <message>
        <source>Cameras:</source>
        <translation>摄像机：</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>开始：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>结束：</translation>
    </message>
    <message>
        <source>Tick one or more cameras first (search by name or id).</source>
        <translation>请先勾选一个或多个摄像机（可按名称或编号搜索）。</translation>
    </message>
    <message>
        <source>The time range ends before it starts.</source>
        <translation>时间范围的结束早于开始。</translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation>正在查询服务器…</translation>
    </message>
    <message>
        <source>%1 recordings. Tick up to four and download them to play together.</source>
        <translation>共 %1 段录像。最多勾选四段，下载后同步播放。</translation>
    </message>
    <message>
        <source>The server has no recording of these cameras in that time.</source>
        <translation>服务器上没有这些摄像机在该时段的录像。</translation>
    </message>
    <message>
        <source>The recordings could not be listed: %1</source>
        <translation>无法列出录像：%1</translation>
    </message>
    <message>
        <source>Tick the recordings to download first.</source>
        <translation>请先勾选要下载的录像。</translation>
    </message>
    <message>
        <source>The offline cache is still opening; try again in a moment.</source>
        <translation>离线缓存仍在打开，请稍后再试。</translation>
    </message>
    <message>
        <source>Downloading %1 of %2: %3, %4 so far</source>
        <translation>正在下载第 %1/%2 段：%3，已下载 %4</translation>
    </message>
    <message>
        <source>Downloading %1 of %2: %3 (%4)</source>
        <translation>正在下载第 %1/%2 段：%3（%4）</translation>
    </message>
    <message>
        <source>%1 of %2 (%p%)</source>
        <translation>%1 / %2（%p%）</translation>
    </message>
    <message>
        <source>The server could not be reached: %1 recordings were not downloaded. What is already in the cache still plays.</source>
        <translation>无法连接服务器：%1 段录像未下载。已在缓存中的录像仍可播放。</translation>
    </message>
    <message>
        <source>%1 recordings were not downloaded: %2</source>
        <translation>%1 段录像未下载：%2</translation>
    </message>
    <message>
        <source>Stopped: %1 recordings were left out.</source>
        <translation>已停止：%1 段录像未下载。</translation>
    </message>
    <message>
        <source>%1 recordings are in the offline cache.</source>
        <translation>%1 段录像已存入离线缓存。</translation>
    </message>
    <message>
        <source>The download failed: %1</source>
        <translation>下载失败：%1</translation>
    </message>
    <message>
        <source>the server cannot be reached</source>
        <translation>无法连接服务器</translation>
    </message>
    <message>
        <source>the session has ended; sign in again</source>
        <translation>会话已结束，请重新登录</translation>
    </message>
    <message>
        <source>not available to you (or no longer on the server)</source>
        <translation>您无权访问（或服务器上已不存在）</translation>
    </message>
    <message>
        <source>the connection broke off before the recording ended</source>
        <translation>录像未下载完，连接已中断</translation>
    </message>
    <message>
        <source>the file arrived damaged</source>
        <translation>收到的文件已损坏</translation>
    </message>
    <message>
        <source>the disk said: %1</source>
        <translation>磁盘错误：%1</translation>
    </message>
</context>
<context>
    <name>ReviewBookmarkDialog</name>
    <message>
        <source>Add a bookmark</source>
        <translation>添加书签</translation>
    </message>
    <message>
        <source>Clip:</source>
        <translation>录像：</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>时间：</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>What happens here</source>
        <translation>此处发生了什么</translation>
    </message>
    <message>
        <source>&amp;Event:</source>
        <translation>事件(&amp;E)：</translation>
    </message>
    <message>
        <source>Event id (optional)</source>
        <translation>事件编号（可选）</translation>
    </message>
</context>
<context>
    <name>ReviewExportDialog</name>
    <message>
        <source>Export evidence</source>
        <translation>导出证据</translation>
    </message>
    <message>
        <source>Range:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>文件夹(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Event:</source>
        <translation>事件(&amp;E)：</translation>
    </message>
    <message>
        <source>Event id to attach the export to (optional)</source>
        <translation>要关联的事件编号（可选）</translation>
    </message>
</context>
<context>
    <name>ReviewFeature</name>
    <message>
        <source>Review &amp;recordings…</source>
        <translation>录像回看(&amp;R)…</translation>
    </message>
    <message>
        <source>Play, bookmark and export recorded clips, downloaded from the server</source>
        <translation>播放、标记并导出从服务器下载的录像</translation>
    </message>
    <message>
        <source>Re&amp;view</source>
        <translation>回看(&amp;V)</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <source>Review clips</source>
        <extracomment>the bookmarks file and cache are open (the ReviewData) the bookmarks shown on the timeline changed (list of LocalBookmark)</extracomment>
        <translation>录像回看</translation>
    </message>
    <message>
        <source>Open or drop recorded clips (MP4, TS, MKV) to review them.</source>
        <translation>打开或拖入录像片段（MP4、TS、MKV）进行回看。</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Play or pause (Space)</source>
        <translation>播放或暂停（空格）</translation>
    </message>
    <message>
        <source>Back 30 seconds (Shift+Left)</source>
        <translation>后退 30 秒（Shift+←）</translation>
    </message>
    <message>
        <source>Back 5 seconds (Left)</source>
        <translation>后退 5 秒（←）</translation>
    </message>
    <message>
        <source>One frame back (,)</source>
        <translation>后退一帧（,）</translation>
    </message>
    <message>
        <source>One frame forward (.)</source>
        <translation>前进一帧（.）</translation>
    </message>
    <message>
        <source>Forward 5 seconds (Right)</source>
        <translation>前进 5 秒（→）</translation>
    </message>
    <message>
        <source>Forward 30 seconds (Shift+Right)</source>
        <translation>前进 30 秒（Shift+→）</translation>
    </message>
    <message>
        <source>Slower</source>
        <translation>减速</translation>
    </message>
    <message>
        <source>Half the speed ([)</source>
        <translation>减半速度（[）</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation>加速</translation>
    </message>
    <message>
        <source>Double the speed (])</source>
        <translation>加倍速度（]）</translation>
    </message>
    <message>
        <source>Range start here (A)</source>
        <translation>区间起点设在此处（A）</translation>
    </message>
    <message>
        <source>Range end here (B)</source>
        <translation>区间终点设在此处（B）</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open clips…</source>
        <translation>打开片段(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;folder…</source>
        <translation>打开文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Close all clips</source>
        <translation>关闭全部片段(&amp;C)</translation>
    </message>
    <message>
        <source>Close &amp;window</source>
        <translation>关闭窗口(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Clip</source>
        <translation>片段(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Snapshot</source>
        <translation>截图(&amp;S)</translation>
    </message>
    <message>
        <source>Range &amp;start (A)</source>
        <translation>区间起点(&amp;S)（A）</translation>
    </message>
    <message>
        <source>Range &amp;end (B)</source>
        <translation>区间终点(&amp;E)（B）</translation>
    </message>
    <message>
        <source>Clear &amp;range</source>
        <translation>清除区间(&amp;R)</translation>
    </message>
    <message>
        <source>Add &amp;bookmark…</source>
        <translation>添加书签(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Export range…</source>
        <translation>导出区间(&amp;E)…</translation>
    </message>
    <message>
        <source>Recordings</source>
        <translation>服务器录像</translation>
    </message>
    <message>
        <source>Sign in to list and download the server's recordings. Recordings downloaded before are listed under Search and play without a server.</source>
        <translation>登录后可列出并下载服务器上的录像。之前下载的录像可在“搜索”中找到，无需服务器即可播放。</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation>书签</translation>
    </message>
    <message>
        <source>Clips and bookmarks</source>
        <translation>录像与书签</translation>
    </message>
    <message>
        <source>Bookmarks and the offline cache are not available: %1</source>
        <translation>书签和离线缓存不可用：%1</translation>
    </message>
    <message>
        <source>The first %1 play together; the other %2 are in the offline cache.</source>
        <translation>前 %1 段同步播放；其余 %2 段已存入离线缓存。</translation>
    </message>
    <message>
        <source>%1 cannot be played</source>
        <translation>%1 无法播放</translation>
    </message>
    <message>
        <source>Open a clip and stop where the bookmark goes</source>
        <translation>请先打开录像，并停在要加书签的位置</translation>
    </message>
    <message>
        <source>Bookmark kept on this workstation (the clip names no camera)</source>
        <translation>书签已保存在本工作站（该录像未注明摄像机）</translation>
    </message>
    <message>
        <source>Bookmark kept; it goes to the server through the outbox</source>
        <translation>书签已保存，将经待发队列发送到服务器</translation>
    </message>
    <message>
        <source>The bookmark could not be kept: %1</source>
        <translation>书签无法保存：%1</translation>
    </message>
    <message>
        <source>No clip here holds that moment; download the recording first</source>
        <translation>本机没有包含该时刻的录像，请先下载录像</translation>
    </message>
    <message>
        <source>The export is signed with this workstation's key. Its record (and the key, the first time) goes to the server through the outbox, attached to the event if one is named.</source>
        <translation>导出文件由本工作站的密钥签名。导出记录（首次导出时连同公钥）经待发队列发送到服务器；如填写了事件，则关联到该事件。</translation>
    </message>
    <message>
        <source>The export is signed with this workstation's key. There is no session: its record waits on this workstation and goes to the server at the next signed-in review.</source>
        <translation>导出文件由本工作站的密钥签名。当前未登录：导出记录暂存在本工作站，下次登录后回看时发送到服务器。</translation>
    </message>
    <message>
        <source>Exported to %1; its record goes to the server through the outbox</source>
        <translation>已导出到 %1；导出记录经待发队列发送到服务器</translation>
    </message>
    <message>
        <source>Exported to %1; its record goes to the server at the next sign-in</source>
        <translation>已导出到 %1；导出记录将在下次登录后发送到服务器</translation>
    </message>
    <message>
        <source>The export is done, but its record could not be queued: %1</source>
        <translation>导出已完成，但导出记录未能加入待发队列：%1</translation>
    </message>
    <message>
        <source>Go to %1</source>
        <translation>跳到 %1</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Show &amp;all</source>
        <translation>显示全部(&amp;A)</translation>
    </message>
    <message>
        <source>At most %1 clips play together; %2 were left out.</source>
        <translation>最多同时播放 %1 个片段，有 %2 个未打开。</translation>
    </message>
    <message>
        <source>Open clips</source>
        <translation>打开片段</translation>
    </message>
    <message>
        <source>Video clips (%1)</source>
        <translation>视频片段（%1）</translation>
    </message>
    <message>
        <source>Open a folder of clips</source>
        <translation>打开片段文件夹</translation>
    </message>
    <message>
        <source>%1: recording time guessed from the file's date</source>
        <translation>%1：录像时间按文件日期推测</translation>
    </message>
    <message>
        <source>Bookmark kept; it goes to the server at the next sign-in, marked as made offline on this workstation</source>
        <translation>书签已保存，将在下次登录后发送到服务器，并注明为在本工作站离线添加</translation>
    </message>
    <message>
        <source>%1 could not be read</source>
        <translation>无法读取 %1</translation>
    </message>
    <message>
        <source>A %1</source>
        <translation>A %1</translation>
    </message>
    <message>
        <source>A–B %1 s</source>
        <translation>A–B %1 秒</translation>
    </message>
    <message>
        <source>Mark the range first (A and B)</source>
        <translation>请先标记区间（A 和 B）</translation>
    </message>
    <message>
        <source>No clip has a recording in the range</source>
        <translation>区间内没有任何片段有录像</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>No picture to keep</source>
        <translation>没有可保存的画面</translation>
    </message>
    <message>
        <source>The snapshot could not be saved: %1</source>
        <translation>抓拍无法保存：%1</translation>
    </message>
    <message>
        <source>Snapshot saved: %1</source>
        <translation>截图已保存：%1</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Operator</source>
        <translation>值班员</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>值班长</translation>
    </message>
    <message>
        <source>Linked unit</source>
        <translation>联动单位</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
</context>
<context>
    <name>RoutePanel</name>
    <message>
        <source>Loading the route guards…</source>
        <translation>正在加载安保路线…</translation>
    </message>
    <message>
        <source>No route is guarded now.</source>
        <translation>当前没有安保路线。</translation>
    </message>
    <message>
        <source>%1 checkpoints, %2 posts, %3 cameras.</source>
        <translation>%1 个卡口，%2 个岗位，%3 台摄像机。</translation>
    </message>
    <message>
        <source>Checkpoint: %1</source>
        <translation>卡口：%1</translation>
    </message>
    <message>
        <source>Post: %1</source>
        <translation>岗位：%1</translation>
    </message>
    <message>
        <source>Cameras along it to the &amp;wall</source>
        <translation>沿线摄像机上墙(&amp;W)</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
</context>
<context>
    <name>ScreenWindow</name>
    <message>
        <source>Video wall</source>
        <translation>视频墙</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Words in bookmark notes, camera or file names</source>
        <translation>书签备注、摄像机名称或文件名中的文字</translation>
    </message>
    <message>
        <source>Camera name or id</source>
        <translation>摄像机名称或编号</translation>
    </message>
    <message>
        <source>Event id</source>
        <translation>事件编号</translation>
    </message>
    <message>
        <source>Only between</source>
        <translation>仅限时段</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Note or file</source>
        <translation>备注或文件</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>文字：</translation>
    </message>
    <message>
        <source>Camera:</source>
        <translation>摄像机：</translation>
    </message>
    <message>
        <source>Event:</source>
        <translation>事件：</translation>
    </message>
    <message>
        <source>The bookmarks are still opening.</source>
        <translation>书签仍在打开。</translation>
    </message>
    <message>
        <source>The time range ends before it starts.</source>
        <translation>时间范围的结束早于开始。</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>The server could not be asked; showing what this workstation holds.</source>
        <translation>无法查询服务器；仅显示本工作站上的内容。</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>搜索失败：%1</translation>
    </message>
    <message>
        <source>%1 clips and %2 bookmarks found.</source>
        <translation>找到 %1 段录像和 %2 个书签。</translation>
    </message>
    <message>
        <source>Cached recording</source>
        <translation>已缓存录像</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Unplayable file</source>
        <translation>无法播放的文件</translation>
    </message>
    <message>
        <source>Bookmark (local)</source>
        <translation>书签（仅本机）</translation>
    </message>
    <message>
        <source>Kept on this workstation only: the clip names no camera</source>
        <translation>仅保存在本工作站：该录像未注明摄像机</translation>
    </message>
    <message>
        <source>Bookmark</source>
        <translation>书签</translation>
    </message>
    <message>
        <source>Bookmark (unsent)</source>
        <translation>书签（未发送）</translation>
    </message>
    <message>
        <source>Not on the server yet: waiting in the outbox, or for the next sign-in</source>
        <translation>尚未发送到服务器：在待发队列中等待，或等待下次登录</translation>
    </message>
</context>
<context>
    <name>SelectionPanel</name>
    <message>
        <source>Click an event on the map to see what is near it.</source>
        <translation>在地图上点击事件，查看其附近的资源。</translation>
    </message>
    <message>
        <source>%1 — %2 m, facing it</source>
        <translation>%1 — %2 米，朝向该处</translation>
    </message>
    <message>
        <source>%1 — %2 m</source>
        <translation>%1 — %2 米</translation>
    </message>
    <message>
        <source>%1 (offline)</source>
        <translation>%1（离线）</translation>
    </message>
    <message>
        <source>Cameras that see the place (double-click to play):</source>
        <translation>能看到该地点的摄像机（双击播放）：</translation>
    </message>
    <message>
        <source>Nearest available units:</source>
        <translation>最近的空闲力量：</translation>
    </message>
    <message>
        <source>These cameras to the &amp;wall</source>
        <translation>这些摄像机上墙(&amp;W)</translation>
    </message>
    <message>
        <source>Open the event</source>
        <translation>打开事件</translation>
    </message>
</context>
<context>
    <name>SessionWall</name>
    <message>
        <source>A patrol is running; stop it to open other cameras.</source>
        <translation>正在巡检，请先停止巡检再打开其他摄像机。</translation>
    </message>
    <message>
        <source>Select a tile first.</source>
        <translation>请先选择一个窗格。</translation>
    </message>
    <message>
        <source>The tile shows no camera.</source>
        <translation>该窗格没有摄像机。</translation>
    </message>
    <message>
        <source>Raise event…</source>
        <translation>上报事件…</translation>
    </message>
    <message>
        <source>Patrol record: %1</source>
        <translation>巡检记录：%1</translation>
    </message>
    <message>
        <source>Snapshot saved: %1</source>
        <translation>截图已保存：%1</translation>
    </message>
    <message>
        <source>No snapshot: %1</source>
        <translation>未能截图：%1</translation>
    </message>
    <message>
        <source>The grid was not saved: %1</source>
        <translation>分屏未保存：%1</translation>
    </message>
    <message>
        <source>The patrol record is queued for the server.</source>
        <translation>巡检记录已放入待发送队列。</translation>
    </message>
    <message>
        <source>The patrol record could not be queued: %1</source>
        <translation>巡检记录未能放入待发送队列：%1</translation>
    </message>
    <message>
        <source>&amp;Wall</source>
        <translation>视频墙(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Layout</source>
        <translation>分屏布局(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Previous page</source>
        <translation>上一页(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Next page</source>
        <translation>下一页(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Add page</source>
        <translation>新增页面(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove page</source>
        <translation>删除页面(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Send page to screen</source>
        <translation>发送本页到屏幕(&amp;S)</translation>
    </message>
    <message>
        <source>Snapshot of the selected &amp;tile</source>
        <translation>选中窗格截图(&amp;T)</translation>
    </message>
    <message>
        <source>Raise &amp;event from the selected tile…</source>
        <translation>从选中窗格上报事件(&amp;E)…</translation>
    </message>
    <message>
        <source>%1 tiles (%2)</source>
        <translation>%1 分屏（%2）</translation>
    </message>
    <message>
        <source>%1 tiles</source>
        <translation>%1 分屏</translation>
    </message>
    <message>
        <source>Screen %1 (%2)</source>
        <translation>屏幕 %1（%2）</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>must be one of: %1; got %2</source>
        <translation>必须是以下之一：%1；实际为 %2</translation>
    </message>
    <message>
        <source>must be at least %1; got %2</source>
        <translation>不能小于 %1；实际为 %2</translation>
    </message>
    <message>
        <source>must be at most %1; got %2</source>
        <translation>不能大于 %1；实际为 %2</translation>
    </message>
    <message>
        <source>must be %1; got %2</source>
        <translation>必须是%1；实际为 %2</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>布尔值（true 或 false）</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>must be an http:// or https:// address with a host name</source>
        <translation>必须是包含主机名的 http:// 或 https:// 地址</translation>
    </message>
    <message>
        <source>must not contain a user name or password</source>
        <translation>不得包含用户名或密码</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>Address of the Tianmu backend this console connects to.</source>
        <translation>本控制台所连接的天目后端服务地址。</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Language of the console. Takes effect after a restart.</source>
        <translation>控制台界面语言，重启后生效。</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>界面</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Simplified Chinese</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Remember the window layout</source>
        <translation>记住窗口布局</translation>
    </message>
    <message>
        <source>Restore window size, docks and the video wall layout at start-up.</source>
        <translation>启动时恢复窗口大小、停靠面板和视频墙布局。</translation>
    </message>
    <message>
        <source>Network buffer (ms)</source>
        <translation>网络缓冲（毫秒）</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Main streams at once</source>
        <translation>同时播放的主码流数</translation>
    </message>
    <message>
        <source>How many tiles may play a camera's full-quality main stream at the same time; the others play the sub stream.</source>
        <translation>可同时播放摄像机高清主码流的窗格数，其余窗格播放子码流。</translation>
    </message>
    <message>
        <source>Video output</source>
        <translation>视频输出</translation>
    </message>
    <message>
        <source>Painted: the console paints every picture, with the camera's name and state over it, the last picture kept while a camera reconnects, and digital zoom. Native: the video library draws into the tile itself, which costs less CPU; name and state sit above and below the picture and there is no zoom. Applies to cameras opened after the change.</source>
        <translation>绘制：控制台绘制每一幅画面，摄像机名称和状态叠加在画面上，摄像机重连时保留最后一幅画面，并支持数字变焦。原生：由视频库直接在窗格中绘制，占用更少的 CPU；名称和状态显示在画面上方和下方，不支持变焦。更改后打开的摄像机生效。</translation>
    </message>
    <message>
        <source>Painted by the console</source>
        <translation>由控制台绘制</translation>
    </message>
    <message>
        <source>Native window</source>
        <translation>原生窗口</translation>
    </message>
    <message>
        <source>Frozen after (s)</source>
        <translation>画面冻结判定（秒）</translation>
    </message>
    <message>
        <source>A tile without a new picture for this long is marked stale and reconnected.</source>
        <translation>窗格超过此时长未收到新画面即标记为画面过时并重新连接。</translation>
    </message>
    <message>
        <source>Video decoding priority (steps below)</source>
        <translation>视频解码优先级（低于界面的级数）</translation>
    </message>
    <message>
        <source>How many priority steps (nice values) video decoding runs below the rest of the console, so that the interface reacts sooner while many cameras play. On a machine short of processor time, decoding below other programs may drop pictures. 0 runs it at the same priority. Linux only; applies to cameras opened after the change.</source>
        <translation>视频解码比控制台其余部分低多少个优先级（nice 值），使多路摄像机同时播放时界面响应更及时。在处理器时间紧张的机器上，解码低于其他程序时可能丢帧。0 表示同等优先级。仅限 Linux；对更改后打开的摄像机生效。</translation>
    </message>
    <message>
        <source>Patrol screens</source>
        <translation>巡检屏幕</translation>
    </message>
    <message>
        <source>With the wall on several screens, a patrol moves every screen to its next page at the same time, or each screen on its own when its dwell is up or its cameras are judged.</source>
        <translation>电视墙占用多个屏幕时，巡检可让所有屏幕同时翻到下一页，或让每个屏幕在各自停留时间到或摄像机全部判定后各自翻页。</translation>
    </message>
    <message>
        <source>All screens step together</source>
        <translation>所有屏幕同步翻页</translation>
    </message>
    <message>
        <source>Each screen on its own dwell</source>
        <translation>每个屏幕按各自停留时间翻页</translation>
    </message>
    <message>
        <source>Patrol pre-roll (s)</source>
        <translation>巡检预载 (秒)</translation>
    </message>
    <message>
        <source>How much live video is buffered before it is shown. Lower is closer to real time; higher rides out an unsteady network. Applies to cameras opened after the change.</source>
        <translation>实时视频显示前的缓冲时长。越小越接近实时；越大越能抵御网络波动。更改后打开的摄像机生效。</translation>
    </message>
    <message>
        <source>The longest a patrol step's cameras play hidden before it, so that the step shows live pictures at once. The console learns how long the cameras take to start and begins that long ahead, with a margin; this is also the lead before any camera has been timed. A dwell shorter than this pre-rolls for the whole dwell.</source>
        <translation>巡查每一步之前，其摄像机在后台预先播放的最长时间，使该步一显示即为实时画面。控制台会学习各摄像机启动所需的时间，并按此提前开始，留有余量；在尚未测得任何摄像机的启动时间之前，也以此作为提前量。停留时间短于此值时，整个停留期间都会预先播放。</translation>
    </message>
    <message>
        <source>Sound for urgent alerts</source>
        <translation>紧急告警提示音</translation>
    </message>
    <message>
        <source>Play a sound when a new high-priority alert arrives.</source>
        <translation>收到新的高优先级告警时播放提示音。</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Log detail</source>
        <translation>日志详细程度</translation>
    </message>
    <message>
        <source>How much the console writes to its log file.</source>
        <translation>控制台写入日志文件的信息量。</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>Everything (debug)</source>
        <translation>全部（调试）</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>警告和错误</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>仅错误</translation>
    </message>
    <message>
        <source>Map tiles</source>
        <translation>地图底图</translation>
    </message>
    <message>
        <source>Where the map's background comes from. The offline map needs no network; the others need the tile server to be reachable. Takes effect when the map opens.</source>
        <translation>地图底图的来源。离线地图无需网络；其他来源需要能访问瓦片服务器。下次打开地图时生效。</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <source>Offline map file</source>
        <translation>离线地图文件</translation>
    </message>
    <message>
        <source>OpenStreetMap</source>
        <translation>OpenStreetMap</translation>
    </message>
    <message>
        <source>Tianditu</source>
        <translation>天地图</translation>
    </message>
    <message>
        <source>Other tile server</source>
        <translation>其他瓦片服务器</translation>
    </message>
    <message>
        <source>An MBTiles file to use offline; empty uses the bundled demo map.</source>
        <translation>离线使用的 MBTiles 文件；留空则使用自带的演示地图。</translation>
    </message>
    <message>
        <source>Tianditu key</source>
        <translation>天地图密钥</translation>
    </message>
    <message>
        <source>The developer key (tk) from the Tianditu console; never written to logs.</source>
        <translation>在天地图控制台申请的开发者密钥（tk）；不会写入日志。</translation>
    </message>
    <message>
        <source>Tile server address</source>
        <translation>瓦片服务器地址</translation>
    </message>
    <message>
        <source>Address of the tiles with {z}, {x} and {y}, e.g. https://tiles.example.cn/{z}/{x}/{y}.png; {s} or {s:1234} for subdomains.</source>
        <translation>含 {z}、{x}、{y} 的瓦片地址，例如 https://tiles.example.cn/{z}/{x}/{y}.png；子域名写作 {s} 或 {s:1234}。</translation>
    </message>
    <message>
        <source>Tile server coordinates</source>
        <translation>瓦片服务器坐标系</translation>
    </message>
    <message>
        <source>The coordinate system the tile server draws in. Gaode/AMap-style maps use GCJ-02; automatic recognises the common ones by their address.</source>
        <translation>瓦片服务器使用的坐标系。高德等地图使用 GCJ-02；选择“自动”时按地址识别常见服务。</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>WGS-84 (GPS, OpenStreetMap, Tianditu)</source>
        <translation>WGS-84（GPS、OpenStreetMap、天地图）</translation>
    </message>
    <message>
        <source>GCJ-02 (Gaode/AMap, Tencent)</source>
        <translation>GCJ-02（高德、腾讯）</translation>
    </message>
    <message>
        <source>Recordings cache (MB)</source>
        <translation>录像缓存（MB）</translation>
    </message>
    <message>
        <source>How much disk the recordings downloaded for offline review may take; the least recently used are removed first.</source>
        <translation>为离线回看下载的录像最多可占用的磁盘空间；超出时先删除最久未使用的录像。</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>回看</translation>
    </message>
    <message>
        <source>no such setting</source>
        <translation>无此设置项</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>ShellStatusBar</name>
    <message>
        <source>● Connected</source>
        <translation>● 已连接</translation>
    </message>
    <message>
        <source>● Reconnecting (attempt %1)</source>
        <translation>● 正在重连（第 %1 次）</translation>
    </message>
    <message>
        <source>● Offline</source>
        <translation>● 离线</translation>
    </message>
    <message>
        <source>● Signed out by the server</source>
        <translation>● 已被服务器注销</translation>
    </message>
    <message>
        <source>● Connecting…</source>
        <translation>● 正在连接…</translation>
    </message>
    <message>
        <source>The session has ended on the server. Sign out and sign in again.</source>
        <translation>服务器上的会话已结束。请注销后重新登录。</translation>
    </message>
    <message>
        <source>Connection to the server</source>
        <translation>与服务器的连接</translation>
    </message>
    <message>
        <source>Unsent: –</source>
        <translation>未发送：–</translation>
    </message>
    <message>
        <source>Unsent: %1</source>
        <translation>未发送：%1</translation>
    </message>
    <message>
        <source>Actions kept on this workstation that the server has not confirmed yet. They are sent automatically.</source>
        <translation>已保存在本机、尚未得到服务器确认的操作。它们会自动发送。</translation>
    </message>
    <message>
        <source>Loop p99: – ms</source>
        <translation>界面延迟 p99：– 毫秒</translation>
    </message>
    <message>
        <source>Loop p99: %1 ms</source>
        <translation>界面延迟 p99：%1 毫秒</translation>
    </message>
    <message>
        <source>How late the interface handles its events (99th percentile). Click for diagnostics.</source>
        <translation>界面处理事件的延迟（第 99 百分位）。点击查看诊断。</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>登录账号：%1</translation>
    </message>
</context>
<context>
    <name>StreamBudgetLabel</name>
    <message>
        <source>Main streams %1/%2</source>
        <translation>主码流 %1/%2</translation>
    </message>
    <message>
        <source>(%1 waiting)</source>
        <translation>（%1 路等待）</translation>
    </message>
    <message>
        <source>Tiles that are large, maximised or zoomed play the camera's main stream, up to the limit set in Settings; the others play the sub stream.</source>
        <translation>较大、最大化或放大的窗格播放摄像机主码流，路数以“设置”中的上限为准；其余窗格播放子码流。</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>A background task failed</source>
        <translation>后台任务失败</translation>
    </message>
</context>
<context>
    <name>TrackPanel</name>
    <message>
        <source>Searching the passes of %1…</source>
        <translation>正在查询 %1 的过车记录…</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>%1: %2 passes, oldest first.</source>
        <translation>%1：共 %2 条过车记录，按时间先后排列。</translation>
    </message>
    <message>
        <source>No checkpoint has seen %1.</source>
        <translation>没有卡口拍到 %1。</translation>
    </message>
    <message>
        <source>Type a plate number, e.g. 琼C·12345.</source>
        <translation>请输入车牌号，例如 琼C·12345。</translation>
    </message>
    <message>
        <source>Plate, e.g. 琼C·12345</source>
        <translation>车牌，例如 琼C·12345</translation>
    </message>
    <message>
        <source>&amp;Track</source>
        <translation>轨迹(&amp;T)</translation>
    </message>
    <message>
        <source>Show where checkpoints saw this vehicle</source>
        <translation>显示卡口拍到该车的位置</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>last 3 days</source>
        <translation>最近 3 天</translation>
    </message>
    <message>
        <source>last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>“%1” is not a plate number: %2</source>
        <translation>“%1”不是有效的车牌号：%2</translation>
    </message>
    <message>
        <source>The server cannot be reached: vehicle tracks need the connection. Try again when it is back.</source>
        <translation>无法连接服务器：车辆轨迹需要联网查询。请在连接恢复后重试。</translation>
    </message>
    <message>
        <source>Your role may not search vehicle tracks.</source>
        <translation>您的角色无权查询车辆轨迹。</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>查询失败：%1</translation>
    </message>
</context>
<context>
    <name>VerificationDialog</name>
    <message>
        <source>Choose a camera first.</source>
        <extracomment>Live cameras shown at once (a 2 x 2 grid). How often the comparison takes the selected camera's latest picture.</extracomment>
        <translation>请先选择一台摄像机。</translation>
    </message>
    <message>
        <source>The camera has no picture yet; wait for it to play.</source>
        <translation>摄像机还没有画面，请等待播放。</translation>
    </message>
    <message>
        <source>Saving the snapshot…</source>
        <translation>正在保存抓拍…</translation>
    </message>
    <message>
        <source>Wait until the snapshots are saved.</source>
        <translation>请等待抓拍保存完成。</translation>
    </message>
    <message>
        <source>The unit reported again after some of these snapshots; remove them and capture the site again.</source>
        <translation>处置单位在部分抓拍之后再次反馈，请移除这些抓拍并重新抓拍现场。</translation>
    </message>
    <message>
        <source>Queuing the verdict…</source>
        <translation>正在将核查结论加入待发队列…</translation>
    </message>
    <message>
        <source>Queuing the verification</source>
        <translation>正在将核查加入待发队列</translation>
    </message>
    <message>
        <source>%1  %2 · %3 · %4 · %5</source>
        <translation>%1  %2 · %3 · %4 · %5</translation>
    </message>
    <message>
        <source>The unit has not reported back yet.</source>
        <translation>处置单位尚未反馈。</translation>
    </message>
    <message>
        <source>Unit feedback (%1): %2</source>
        <translation>处置单位反馈（%1）：%2</translation>
    </message>
    <message>
        <source>Verify by video — %1</source>
        <translation>视频核查 — %1</translation>
    </message>
    <message>
        <source>This event is %1: it is not awaiting verification.</source>
        <translation>该事件处于“%1”状态，不在待核查中。</translation>
    </message>
    <message>
        <source>%1 (named on the event)</source>
        <translation>%1（事件关联摄像机）</translation>
    </message>
    <message>
        <source>%1 (%2 m away)</source>
        <translation>%1（相距 %2 米）</translation>
    </message>
    <message>
        <source>Reported snapshot</source>
        <translation>上报抓图</translation>
    </message>
    <message>
        <source>Alert snapshot</source>
        <translation>告警抓图</translation>
    </message>
    <message>
        <source>Feedback photo</source>
        <translation>反馈照片</translation>
    </message>
    <message>
        <source>Capture at least one verification snapshot before passing.</source>
        <translation>通过前请至少抓拍一张核查图片。</translation>
    </message>
    <message>
        <source>Write what is still wrong: the unit reads it with the event.</source>
        <translation>请写明仍存在的问题，处置单位会随事件看到。</translation>
    </message>
    <message>
        <source>No pictures came with the event.</source>
        <translation>该事件没有附带图片。</translation>
    </message>
    <message>
        <source>Fetching a picture</source>
        <translation>正在获取图片</translation>
    </message>
    <message>
        <source>The picture could not be fetched: %1</source>
        <translation>图片无法获取：%1</translation>
    </message>
    <message>
        <source>Fetching the picture…</source>
        <translation>正在获取图片…</translation>
    </message>
    <message>
        <source>Live: %1</source>
        <translation>实时：%1</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>No camera near the place</source>
        <translation>现场附近没有摄像机</translation>
    </message>
    <message>
        <source>No original picture</source>
        <translation>没有原始图片</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>之前</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>Waiting for pictures…</source>
        <translation>正在等待画面…</translation>
    </message>
    <message>
        <source>Comparing with %1 · %2</source>
        <translation>正在与 %1 对比 · %2</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>Snapshot kept: %1</source>
        <translation>已保存抓拍：%1</translation>
    </message>
    <message>
        <source>The snapshot could not be saved: %1</source>
        <translation>抓拍无法保存：%1</translation>
    </message>
    <message>
        <source>Start verifying %1</source>
        <translation>开始核查 %1</translation>
    </message>
    <message>
        <source>Verification of %1: passed</source>
        <translation>%1 核查：通过</translation>
    </message>
    <message>
        <source>Verification of %1: failed</source>
        <translation>%1 核查：不通过</translation>
    </message>
    <message>
        <source>Close %1 as resolved</source>
        <translation>将 %1 按已解决结案</translation>
    </message>
    <message>
        <source>Reopen %1</source>
        <translation>重新打开 %1</translation>
    </message>
    <message>
        <source>Send %1 back to the unit</source>
        <translation>将 %1 退回处置单位</translation>
    </message>
    <message>
        <source>Could not queue the verdict: %1</source>
        <translation>核查结论无法加入待发队列：%1</translation>
    </message>
    <message>
        <source>Verify by video</source>
        <translation>视频核查</translation>
    </message>
    <message>
        <source>Close without a verdict? The snapshots stay in the evidence folder, but the comment is lost and nothing is sent.</source>
        <translation>不给出核查结论就关闭吗？抓拍仍保存在证据文件夹中，但意见会丢失，也不会发送任何内容。</translation>
    </message>
    <message>
        <source>Reported and fed back</source>
        <translation>上报与反馈</translation>
    </message>
    <message>
        <source>Live: cameras nearest the place</source>
        <translation>实时：现场附近的摄像机</translation>
    </message>
    <message>
        <source>Click a camera to compare it with the original and to capture from it.</source>
        <translation>点击摄像机画面，与原始图片对比并从中抓拍。</translation>
    </message>
    <message>
        <source>Before and after</source>
        <translation>前后对比</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>并排</translation>
    </message>
    <message>
        <source>Wipe</source>
        <translation>滑动对比</translation>
    </message>
    <message>
        <source>Drag to wipe between the original (left) and the live picture (right)</source>
        <translation>拖动以在原始图片（左）和实时画面（右）之间切换</translation>
    </message>
    <message>
        <source>Verification snapshots</source>
        <translation>核查抓拍</translation>
    </message>
    <message>
        <source>&amp;Capture</source>
        <translation>抓拍(&amp;C)</translation>
    </message>
    <message>
        <source>Keep the live picture of the selected camera as proof</source>
        <translation>保存所选摄像机的实时画面作为核查证据</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Comment (the reason, when it fails)</source>
        <translation>意见（不通过时填写原因）</translation>
    </message>
    <message>
        <source>What the cameras show now</source>
        <translation>摄像机现在看到的情况</translation>
    </message>
    <message>
        <source>&amp;Pass and close</source>
        <translation>通过并结案(&amp;P)</translation>
    </message>
    <message>
        <source>The site is really handled: close the event as resolved</source>
        <translation>现场确已处置：按已解决结案</translation>
    </message>
    <message>
        <source>&amp;Fail and send back</source>
        <translation>不通过并退回(&amp;F)</translation>
    </message>
    <message>
        <source>The problem is still there: reopen the event and send it back to the unit with the reason</source>
        <translation>问题仍然存在：重新打开事件并附原因退回处置单位</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>VerificationFeature</name>
    <message>
        <source>Reading the event</source>
        <translation>正在读取事件</translation>
    </message>
    <message>
        <source>The event cannot be verified now: %1</source>
        <translation>该事件暂时无法核查：%1</translation>
    </message>
    <message>
        <source>Verification passed; the event will be closed as resolved.</source>
        <translation>核查通过，事件将按已解决结案。</translation>
    </message>
    <message>
        <source>Verification failed; the event goes back to the unit.</source>
        <translation>核查不通过，事件已退回处置单位。</translation>
    </message>
</context>
<context>
    <name>VideoTile</name>
    <message>
        <source>No camera</source>
        <extracomment>Something drawn over the picture: its rectangle in the tile and how to draw it there. new pictures painted so far (diagnostics and the wall benchmark)</extracomment>
        <translation>无摄像机</translation>
    </message>
    <message>
        <source>Last picture %1 s ago</source>
        <translation>最后画面：%1 秒前</translation>
    </message>
    <message>
        <source>%1 fps · %2 kb/s · %3 lost</source>
        <translation>%1 帧/秒 · %2 kb/s · 丢失 %3</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Not shared</source>
        <translation>未共享</translation>
    </message>
    <message>
        <source>Cannot play %1</source>
        <translation>无法播放 %1</translation>
    </message>
    <message>
        <source>Cannot play</source>
        <translation>无法播放</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>画面过时</translation>
    </message>
    <message>
        <source>Stale, reconnecting in %1 s</source>
        <translation>画面过时，%1 秒后重新连接</translation>
    </message>
    <message>
        <source>Reconnecting (attempt %1)</source>
        <translation>正在重新连接（第 %1 次）</translation>
    </message>
    <message>
        <source>Reconnecting (attempt %1, next try in %2 s)</source>
        <translation>正在重新连接（第 %1 次，%2 秒后重试）</translation>
    </message>
</context>
<context>
    <name>WallFiguresBox</name>
    <message>
        <source>Video wall</source>
        <translation>视频墙</translation>
    </message>
    <message>
        <source>Players in use:</source>
        <translation>使用中的播放器：</translation>
    </message>
    <message>
        <source>Wedged players:</source>
        <translation>卡死的播放器：</translation>
    </message>
    <message>
        <source>Main streams:</source>
        <translation>主码流：</translation>
    </message>
    <message>
        <source>Tile</source>
        <translation>窗格</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>码流</translation>
    </message>
    <message>
        <source>fps</source>
        <translation>帧率</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>丢帧</translation>
    </message>
    <message>
        <source>Last picture</source>
        <translation>最后画面</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>重启次数</translation>
    </message>
    <message>
        <source>(%1 not released yet)</source>
        <translation>（%1 个尚未释放）</translation>
    </message>
    <message>
        <source>%1 in use of %2</source>
        <translation>使用 %1 / 共 %2</translation>
    </message>
    <message>
        <source>(%1 more wanted)</source>
        <translation>（另有 %1 个请求未满足）</translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation>%1 秒前</translation>
    </message>
    <message>
        <source>no stream yet</source>
        <translation>尚无码流</translation>
    </message>
    <message>
        <source>reconnecting %1</source>
        <translation>重连中（第 %1 次）</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <source>live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>画面停滞</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>not shared</source>
        <translation>未共享</translation>
    </message>
    <message>
        <source>cannot play</source>
        <translation>无法播放</translation>
    </message>
    <message>
        <source>main</source>
        <translation>主码流</translation>
    </message>
    <message>
        <source>sub</source>
        <translation>子码流</translation>
    </message>
</context>
<context>
    <name>WallStreams</name>
    <message>
        <source>No stream address: %1</source>
        <translation>无码流地址：%1</translation>
    </message>
    <message>
        <source>The camera has no stream</source>
        <translation>该摄像机没有可用码流</translation>
    </message>
</context>
<context>
    <name>WallTile</name>
    <message>
        <source>No camera on this patrol page</source>
        <translation>本巡查页此处无摄像机</translation>
    </message>
    <message>
        <source>Drop a camera here</source>
        <translation>将摄像机拖放到此处</translation>
    </message>
    <message>
        <source>Waiting for the stream…</source>
        <translation>正在等待码流…</translation>
    </message>
</context>
<context>
    <name>WallView</name>
    <message>
        <source>Layout of this page</source>
        <translation>本页分屏布局</translation>
    </message>
    <message>
        <source>Custom grid…</source>
        <translation>自定义分屏…</translation>
    </message>
    <message>
        <source>Previous page (PageUp)</source>
        <translation>上一页（PageUp）</translation>
    </message>
    <message>
        <source>Next page (PageDown)</source>
        <translation>下一页（PageDown）</translation>
    </message>
    <message>
        <source>Add page</source>
        <translation>新增页面</translation>
    </message>
    <message>
        <source>Remove page</source>
        <translation>删除页面</translation>
    </message>
    <message>
        <source>Send to screen</source>
        <translation>发送到屏幕</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>截图</translation>
    </message>
    <message>
        <source>Select a tile first.</source>
        <translation>请先选择一个窗格。</translation>
    </message>
    <message>
        <source>The tile shows no camera.</source>
        <translation>该窗格没有摄像机。</translation>
    </message>
    <message>
        <source>The tile has no picture yet.</source>
        <translation>该窗格尚无画面。</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1/%2 页</translation>
    </message>
    <message>
        <source>Screen %1 (%2)</source>
        <translation>屏幕 %1（%2）</translation>
    </message>
    <message>
        <source>Back to the main window</source>
        <translation>返回主窗口</translation>
    </message>
    <message>
        <source>Show stream figures</source>
        <translation>显示码流参数</translation>
    </message>
    <message>
        <source>Remove camera from tile</source>
        <translation>从窗格移除摄像机</translation>
    </message>
    <message>
        <source>Send page to screen</source>
        <translation>发送本页到屏幕</translation>
    </message>
</context>
<context>
    <name>_EntryWidget</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Not a picture</source>
        <translation>不是图片</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>无法获取</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
</context>
<context>
    <name>_ViewTile</name>
    <message>
        <source>No camera</source>
        <translation>无摄像机</translation>
    </message>
</context>
</TS>