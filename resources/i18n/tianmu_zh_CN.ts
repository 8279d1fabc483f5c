<?xml version='1.0' encoding='utf-8'?>
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
</context>
<context>
    <name>CameraTreePanel</name>
    <message>
        <source>Search cameras by name or ID</source>
        <translation>按名称或编号搜索摄像机</translation>
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
    <name>DiagnosticsDialog</name>
    <message>
        <source>Diagnostics</source>
        <translation type="unfinished">诊断</translation>
    </message>
    <message>
        <source>Event loop lateness (ms)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Median lateness:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>99th percentile:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Worst (recent):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Worst since start:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ticks measured:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Late ticks:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Background work</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Store tasks:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Network tasks:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished">连接</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Actions waiting to be sent:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Log file:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Reset figures</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in to Tianmu</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tianmu operator console</source>
        <translation type="unfinished">天目值班员控制台</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Tianmu operator console</source>
        <translation>天目值班员控制台</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>已连接到 %1</translation>
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
        <source>How many tiles may play a camera's full-quality main stream at the same time; the others play the sub stream.</source>
        <translation>可同时播放摄像机高清主码流的窗格数，其余窗格播放子码流。</translation>
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
</TS>