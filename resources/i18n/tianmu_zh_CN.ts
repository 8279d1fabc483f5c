<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
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
        <source>The server&apos;s camera catalogue answer is too large to be read.</source>
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
        <source>The server&apos;s answer arrived cut off or damaged. Try again; if it keeps happening, check the network.</source>
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
        <source>Page %1 of %2 · %3 s left</source>
        <translation>第 %1/%2 页 · 剩余 %3 秒</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
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
        <source>Camera:</source>
        <translation>摄像机：</translation>
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
    <name>ScreenWindow</name>
    <message>
        <source>Video wall</source>
        <translation>视频墙</translation>
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
        <source>How much live video is buffered before it is shown. Lower is closer to real time; higher rides out an unsteady network.</source>
        <translation>实时视频显示前的缓冲时长。越小越接近实时；越大越能抵御网络波动。</translation>
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
        <source>How many tiles may play a camera&apos;s full-quality main stream at the same time; the others play the sub stream.</source>
        <translation>可同时播放摄像机高清主码流的窗格数，其余窗格播放子码流。</translation>
    </message>
    <message>
        <source>Video output</source>
        <translation>视频输出</translation>
    </message>
    <message>
        <source>Painted: the console paints every picture, with the camera&apos;s name and state over it, the last picture kept while a camera reconnects, and digital zoom. Native: the video library draws into the tile itself, which costs less CPU; name and state sit above and below the picture and there is no zoom. Applies to cameras opened after the change.</source>
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
        <source>Tiles that are large, maximised or zoomed play the camera&apos;s main stream, up to the limit set in Settings; the others play the sub stream.</source>
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
</TS>
