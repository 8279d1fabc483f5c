<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>CameraTree</name>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not shared with your department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 cameras online</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CameraTreePanel</name>
    <message>
        <source>Search cameras by name or ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matching cameras: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open on wall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show on map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Favourites (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Tianmu ran into an unexpected error. The details are in the log; if it happens again, send the details below to the administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiagnosticsDialog</name>
    <message>
        <source>Diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event loop lateness (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median lateness:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>99th percentile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worst (recent):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worst since start:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticks measured:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late ticks:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Background work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store tasks:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network tasks:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions waiting to be sent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in to Tianmu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tianmu operator console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Tianmu operator console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>must be one of: %1; got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at least %1; got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at most %1; got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be %1; got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an http:// or https:// address with a host name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not contain a user name or password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address of the Tianmu backend this console connects to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of the console. Takes effect after a restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simplified Chinese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember the window layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore window size, docks and the video wall layout at start-up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network buffer (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much live video is buffered before it is shown. Lower is closer to real time; higher rides out an unsteady network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main streams at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many tiles may play a camera&apos;s full-quality main stream at the same time; the others play the sub stream.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frozen after (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A tile without a new picture for this long is marked stale and reconnected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much the console writes to its log file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything (debug)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such setting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>A background task failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VideoTile</name>
    <message>
        <source>No camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last picture %1 s ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 fps · %2 kb/s · %3 lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot play %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale, reconnecting in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting (attempt %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting (attempt %1, next try in %2 s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
