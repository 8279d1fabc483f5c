<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>AlertDismissDialog</name>
    <message>
        <source>Nothing there: the detector was wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authorised activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already being handled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other (write the reason below)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why the alert is a false alarm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reason is too long (%1 characters); keep it to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text contains a NUL character; remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss as a false alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is it a false alarm?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason (sent to the server and kept in the audit trail):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertPreview</name>
    <message>
        <source>Select an alert to see its snapshot and camera.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · detected %2 · confidence %3% · %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Reason: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Duplicate of alert %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Repeated %2 times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probably a repeat of the %1 alert detected at %2 on the same camera.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to be sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the last action: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss as a false alarm, with a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raise event…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promote the alert to an event, with its snapshot attached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play on wall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark this alert as a duplicate of the earlier one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the refused action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop the action the server refused; the alert stays as the server has it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertQueue</name>
    <message>
        <source>%1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge alert: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss alert as a false alarm: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge duplicate alert: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the alert queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>acknowledging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dismissing as a false alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>merging into an earlier alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2, detected %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discarding the refused action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading the alert&apos;s snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the alert&apos;s snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>raising an event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queuing the event for the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queuing the alert action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not queued: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 new urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No snapshot with this alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the snapshot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The snapshot cannot be shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The snapshot could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 (pending)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · likely a repeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smoke or fire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Street vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crowd gathering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Illegal parking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exposed garbage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intrusion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promoted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertsPanel</name>
    <message>
        <source>%1 shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find camera or type</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookmarkDialog</name>
    <message>
        <source>Kept on this workstation and sent to the server through the outbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept on this workstation. No one is signed in: whoever signs in next sends it, marked as made offline on this workstation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a note for the bookmark.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note is too long (at most %1 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note contains a character that cannot be kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An event id is one word of at most 64 characters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Bookmarking</name>
    <message>
        <source>Queuing a bookmark for the server</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookmarksPanel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add at playhead…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(waiting to be sent) %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
    <message>
        <source>The camera catalogue could not be stored on this workstation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server cannot be reached, so the camera catalogue could not be loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s camera catalogue answer is too large to be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent a camera catalogue the console cannot read (damaged or in an unknown form).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server failed while sending the camera catalogue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused to send the camera catalogue to this account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The camera catalogue could not be loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trying again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next try in %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the camera catalogue…</source>
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
        <source>The server lists no cameras that this account may see.</source>
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
    <name>CameraView</name>
    <message>
        <source>No camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The camera is offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The camera is not shared with you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No stream: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the stream…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogueStreams</name>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not shared</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClipTile</name>
    <message>
        <source>Opening…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No clip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This clip cannot be played: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recording at this time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <source>Closing as resolved needs a passing video verification made after the unit&apos;s latest report; the server checks it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <source>Saving the settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the address and the network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user name or password is not acceptable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account may not sign in here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent the sign-in elsewhere (HTTP %1). Check the address (http or https, and the port).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server failed to handle the sign-in (HTTP %1). Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no Tianmu sign-in at this address (HTTP %1). Check the server address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the sign-in (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered in a way the console cannot use: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a Tianmu server: it answered the sign-in with a web page or other content the console cannot read. Check the server address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer to the sign-in was far too large to come from a Tianmu server, so the console stopped reading it. Check the server address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered the sign-in in a form this console does not understand: it may run another version of Tianmu, or not be a Tianmu server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s answer arrived cut off or damaged. Try again; if it keeps happening, check the network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the camera catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the window layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexing the camera catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing the queued event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queuing the event for the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local store could not be opened: %1</source>
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
    <name>CustomLayoutDialog</name>
    <message>
        <source>Custom grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Large tile rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Large tile columns</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DelayDialog</name>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no due time yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due now: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new due time must be later than the current one.</source>
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
    <message>
        <source>not measured yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (over %2 ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last stall: %1 ms; its stack is in the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lateness probe is not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 running, %2 queued</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DispatchDialog</name>
    <message>
        <source>Dispatch %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The units could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the units…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested first: units of the department that normally handles this kind of event, available ones before busy ones, nearest first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>position unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>★ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the lead unit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The instructions are too long (%1 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The due time has passed; choose a later one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Docks</name>
    <message>
        <source>Cameras</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video wall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video patrol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the camera catalogue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a camera from the camera tree to watch it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The situation map appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incidents appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intelligent alerts appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patrol plans appear here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EscalateDialog</name>
    <message>
        <source>Escalate %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2
Answered now at the %3 level; it goes one level up.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>%1 – %2 (%3 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the folder to export into.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the folder&apos;s full path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An event id is one word of at most 64 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export into a folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportRecorder</name>
    <message>
        <source>Recording an evidence export</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeedbackDialog</name>
    <message>
        <source>%1 is not a PNG or JPEG picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say what was done on site.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileDialog</name>
    <message>
        <source>The due time has passed; choose a later one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentActions</name>
    <message>
        <source>%1: %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text is too long (%1 characters); keep it to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text contains a NUL character; remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalate: %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentCategory</name>
    <message>
        <source>Smoke or fire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Street vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crowd gathering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Illegal parking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exposed garbage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Road hazard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public facility damage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P1 Urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P2 High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P3 Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P4 Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duty officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video patrol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intelligent alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>12345 hotline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grid worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Situation map</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentCloseDialog</name>
    <message>
        <source>Close the event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Disposition:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required unless the problem is resolved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentDelayDialog</name>
    <message>
        <source>Delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;due time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why more time is needed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentDetailPane</name>
    <message>
        <source>%1 d %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an event in the list to see it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead unit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open verification view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nearest cameras</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This event is not in this console&apos;s list (yet).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (becomes %2 once sent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding the nearest cameras</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not dispatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; assisting: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answered at %1 level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no time limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queuing the action for the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action not queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The action could not be stored for sending: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discarding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not be asked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentDispatchDialog</name>
    <message>
        <source>Dispatch the event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lead unit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Assisting units:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Instructions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the unit should do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Due by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set a due time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentFeedbackDialog</name>
    <message>
        <source>Report back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Result:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;What was done:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the unit did on site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Photos:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add photos…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentFileDialog</name>
    <message>
        <source>File the event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Due by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set a due time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentFilterBar</name>
    <message>
        <source>Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incidents I raised or my unit leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported back by the unit or being verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search number, title, address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incidents: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All towns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All states</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentLifecycle</name>
    <message>
        <source>Reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Being verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned by the unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delay requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispatch…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign for it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start handling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request a delay…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve the delay…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deny the delay…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspend…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report back…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify by video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the event…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handling started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delay approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delay denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>False report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transferred elsewhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backlogged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partly fixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not fixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orange</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Red</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Under supervision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported to the supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Village</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Town</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public safety</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traffic order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public facilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dispatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on the way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>returning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out of service</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentListModel</name>
    <message>
        <source>Filtering incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating the incident list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1d %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading incidents</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentListPanel</name>
    <message>
        <source>Finding the incident in the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading towns and units</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentMergeDialog</name>
    <message>
        <source>Merge into another event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event &amp;number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of the event to keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeps:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentReasonDialog</name>
    <message>
        <source>Give a reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why, in a sentence or two</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentTimeline</name>
    <message>
        <source>Source: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead unit: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instructions: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disposition: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged into: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 → %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cameras: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified by video: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time limit: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated to the %1 level</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeptActions</name>
    <message>
        <source>The outbox file could not be read at all; any actions in it could not be kept. The file was left as it was: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 action(s) could not be read back and are not listed here. What could be read of them is in: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2, queued %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That did not work: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 action(s) queued for delivery; they are sent in order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 action(s) discarded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 action(s) written to %2. They stay here until you deliver or discard them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeptActionsDialog</name>
    <message>
        <source>Export actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard %1 action(s)? They will never be sent to the server. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These actions were saved on this workstation but the server never confirmed them. The outbox that held them could not be opened (it was damaged, or written by a newer version of Tianmu), so they were kept aside. They are not sent until you decide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Deliver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the ticked actions to the server now. An action the server already has is not applied twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the ticked actions to a file. They stay here until you deliver or discard them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;iscard…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop the ticked actions: they will never be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decide &amp;later</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeptActionsField</name>
    <message>
        <source>⚠ Not sent, waiting for you: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions kept from an outbox that could not be opened. They are not sent until you deliver them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review…</source>
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
        <source>Play recorded clips from this computer, without a server or signing in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review clips offline</source>
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
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the server address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server address %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in. Opening the console…</source>
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
        <source>&amp;Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Diagnostics…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapFeature</name>
    <message>
        <source>Map: %1; the offline demo map is shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the map&apos;s layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading this shift&apos;s patrols</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(pending)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching a vehicle&apos;s passes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — no snapshot with this pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — loading the snapshot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the route guards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raise an event here…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The snapshot of this pass could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The route guards could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vehicle track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route guard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nearby</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapLayers</name>
    <message>
        <source>Cameras</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units (10-minute trail)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patrol coverage this shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vehicle track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route guard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P1 urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P2 high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P3 normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P4 low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue (pulsing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dispatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on the way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>returning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out of service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>urgent alert (new ones flash)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other open alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>camera seen on patrol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passes in time order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>post</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapTiles</name>
    <message>
        <source>Offline demo map (Qionghai)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simplified demo map, not survey data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline map file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenStreetMap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tianditu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom tile server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must start with http:// or https://</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not contain a user name or password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has an unknown placeholder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must contain %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must name a host (only {s} may vary in it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be the 32-character key from the Tianditu console (0-9, a-f)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tianditu needs a key in the settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Tianditu key in the settings is not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tile server address is set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tile server address %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The offline map file %1 cannot be used: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not an MBTiles file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it holds no tiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it was closed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>Camera online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected camera&apos;s view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit and its trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patrolled this shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vehicle track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guarded route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click the map to pick the place; Esc cancels</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MediaCache</name>
    <message>
        <source>Fetching evidence</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge %1 into another event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for it…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the number and press Find.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the number of the event to keep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no event numbered %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An event cannot be merged into itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find the event to keep first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reason is too long.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NearestCamerasView</name>
    <message>
        <source>No cameras near this place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>named by the event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, named by the event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, offline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfflineBanner</name>
    <message>
        <source>The server cannot be reached. You are working offline: what you see may be out of date, and your actions are kept on this workstation and sent when the connection returns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to be sent: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnection attempt %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatrolPanel</name>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cameras per page: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start patrol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abnormal (X)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rest normal (Shift+Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marks the selected camera of the screen you work on as normal (Space).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marks the selected camera of the screen you work on as abnormal (X) and opens the event dialog on that screen with a snapshot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marks every camera of the screen you work on that has no verdict yet as normal (Shift+Space).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All screens step together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each screen on its own dwell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With pages detached to other monitors, the patrol uses every screen of the wall. Together: all screens turn the page at once. Own dwell: each screen turns its page when its dwell is up or its cameras are judged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading patrol plans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 cameras, %3 s each</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the patrol plans: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the plan: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows the next page of the screen you work on (the one you last clicked or gave a verdict on); the other screens keep theirs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows the next page on every screen of the patrol.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of %2 · %3 s left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detached screen %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: monitor gone, its pages go on on the other screens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: done, %2 pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: page %2 of %3 · %4 s left · %5 of %6 judged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patrol record could not be queued: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patrol finished: %1 of %2 cameras seen (%3%). Normal %4, abnormal %5, no picture %6, not judged %7, not reached %8.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatrolRunner</name>
    <message>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abnormal</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PendingBanner</name>
    <message>
        <source>Waiting to be sent (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept from an earlier outbox, not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused “%1” (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop this action; later actions on this event are then sent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PickBanner</name>
    <message>
        <source>Click the map where it happened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message>
        <source>Patrol plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds per page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cameras (drop from the tree)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RaiseByHand</name>
    <message>
        <source>&amp;Raise event…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raise an event by hand, for a 12345 hotline call or a report in person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Incidents</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RaiseEventDialog</name>
    <message>
        <source>Only PNG or JPEG snapshots can be attached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the snapshot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick on &amp;map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say where it happened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raise event: %1 (caller %2 %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raise event: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not queue the event: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not picked yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At camera %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In %1 (its centre)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The caller&apos;s name is too long (%1 characters); keep it to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The caller&apos;s phone may hold only digits (spaces and dashes are fine, and one + in front).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The caller&apos;s phone must have 7 to 15 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the caller&apos;s phone number: a hotline call has one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the town or village from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say where it happened: search a camera, or choose a town or village or type coordinates under Location.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one of the cameras found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the latitude first, then the longitude (e.g. 19.2466, 110.4665).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The latitude must lie between -90 and 90 degrees.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The longitude must lie between -180 and 180 degrees.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the coordinates as two decimal numbers, latitude then longitude (WGS-84), e.g. 19.2466, 110.4665.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a title: what is happening, in a few words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The title is too long (%1 characters); keep it to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The description is too long (%1 characters); keep it to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address is too long (%1 characters); keep it to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text contains a NUL character; remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No snapshot attached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The snapshot %1 could not be read; it is not attached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raise an event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is happening, in a few words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the caller gives it (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller p&amp;hone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>7 to 15 digits, e.g. 13812345678</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A ca&amp;mera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A town or &amp;village</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coord&amp;inates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type part of a camera&apos;s name or code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type part of a town&apos;s or village&apos;s name, then choose it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latitude, longitude (WGS-84), e.g. 19.2466, 110.4665</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&amp;atitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&amp;ongitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ddress:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Street, landmark or village (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you see, who is affected, what is needed (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snapshot:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReauthPrompt</name>
    <message>
        <source>Sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server ended this session. Enter your password to carry on; the wall and the actions waiting to be sent are kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordingsPanel</name>
    <message>
        <source>Camera name or id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List recordings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download and open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download the ticked recordings into the offline cache and play them together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This recording:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cameras:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick one or more cameras first (search by name or id).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time range ends before it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 recordings. Tick up to four and download them to play together.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server has no recording of these cameras in that time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recordings could not be listed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the recordings to download first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The offline cache is still opening; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading %1 of %2: %3, %4 so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading %1 of %2: %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 (%p%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not be reached: %1 recordings were not downloaded. What is already in the cache still plays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 recordings were not downloaded: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: %1 recordings were left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 recordings are in the offline cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The download failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server cannot be reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the session has ended; sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not available to you (or no longer on the server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection broke off before the recording ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file arrived damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the disk said: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewBookmarkDialog</name>
    <message>
        <source>Add a bookmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clip:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happens here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Event:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event id (optional)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewExportDialog</name>
    <message>
        <source>Export evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Range:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Event:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event id to attach the export to (optional)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewFeature</name>
    <message>
        <source>Review &amp;recordings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play, bookmark and export recorded clips, downloaded from the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;view</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <source>Review clips</source>
        <extracomment>the bookmarks file and cache are open (the ReviewData) the bookmarks shown on the timeline changed (list of LocalBookmark)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open or drop recorded clips (MP4, TS, MKV) to review them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play or pause (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back 30 seconds (Shift+Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back 5 seconds (Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One frame back (,)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One frame forward (.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward 5 seconds (Right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward 30 seconds (Shift+Right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slower</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Half the speed ([)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double the speed (])</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Range start here (A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Range end here (B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open clips…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close all clips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close &amp;window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Range &amp;start (A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Range &amp;end (B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear &amp;range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;bookmark…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export range…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recordings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to list and download the server&apos;s recordings. Recordings downloaded before are listed under Search and play without a server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clips and bookmarks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmarks and the offline cache are not available: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first %1 play together; the other %2 are in the offline cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be played</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a clip and stop where the bookmark goes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmark kept on this workstation (the clip names no camera)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmark kept; it goes to the server through the outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bookmark could not be kept: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No clip here holds that moment; download the recording first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export is signed with this workstation&apos;s key. Its record (and the key, the first time) goes to the server through the outbox, attached to the event if one is named.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export is signed with this workstation&apos;s key. There is no session: its record waits on this workstation and goes to the server at the next signed-in review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1; its record goes to the server through the outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1; its record goes to the server at the next sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export is done, but its record could not be queued: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most %1 clips play together; %2 were left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open clips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video clips (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a folder of clips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: recording time guessed from the file&apos;s date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmark kept; it goes to the server at the next sign-in, marked as made offline on this workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A–B %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark the range first (A and B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No clip has a recording in the range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No picture to keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The snapshot could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snapshot saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoutePanel</name>
    <message>
        <source>Loading the route guards…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No route is guarded now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 checkpoints, %2 posts, %3 cameras.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoint: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cameras along it to the &amp;wall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScreenWindow</name>
    <message>
        <source>Video wall</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Words in bookmark notes, camera or file names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera name or id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only between</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note or file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bookmarks are still opening.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time range ends before it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not be asked; showing what this workstation holds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 clips and %2 bookmarks found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cached recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unplayable file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmark (local)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept on this workstation only: the clip names no camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmark (unsent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not on the server yet: waiting in the outbox, or for the next sign-in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SelectionPanel</name>
    <message>
        <source>Click an event on the map to see what is near it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 m, facing it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (offline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cameras that see the place (double-click to play):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nearest available units:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These cameras to the &amp;wall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the event</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionWall</name>
    <message>
        <source>A patrol is running; stop it to open other cameras.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a tile first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tile shows no camera.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raise event…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patrol record: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snapshot saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No snapshot: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The grid was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patrol record is queued for the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patrol record could not be queued: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Wall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send page to screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snapshot of the selected &amp;tile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raise &amp;event from the selected tile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tiles (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screen %1 (%2)</source>
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
        <source>Video output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Painted: the console paints every picture, with the camera&apos;s name and state over it, the last picture kept while a camera reconnects, and digital zoom. Native: the video library draws into the tile itself, which costs less CPU; name and state sit above and below the picture and there is no zoom. Applies to cameras opened after the change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Painted by the console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Native window</source>
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
        <source>Video decoding priority (steps below)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many priority steps (nice values) video decoding runs below the rest of the console, so that the interface reacts sooner while many cameras play. On a machine short of processor time, decoding below other programs may drop pictures. 0 runs it at the same priority. Linux only; applies to cameras opened after the change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patrol screens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With the wall on several screens, a patrol moves every screen to its next page at the same time, or each screen on its own when its dwell is up or its cameras are judged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All screens step together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each screen on its own dwell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patrol pre-roll (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much live video is buffered before it is shown. Lower is closer to real time; higher rides out an unsteady network. Applies to cameras opened after the change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The longest a patrol step&apos;s cameras play hidden before it, so that the step shows live pictures at once. The console learns how long the cameras take to start and begins that long ahead, with a margin; this is also the lead before any camera has been timed. A dwell shorter than this pre-rolls for the whole dwell.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sound for urgent alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play a sound when a new high-priority alert arrives.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts</source>
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
        <source>Map tiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the map&apos;s background comes from. The offline map needs no network; the others need the tile server to be reachable. Takes effect when the map opens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline map file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenStreetMap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tianditu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other tile server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An MBTiles file to use offline; empty uses the bundled demo map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tianditu key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The developer key (tk) from the Tianditu console; never written to logs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tile server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address of the tiles with {z}, {x} and {y}, e.g. https://tiles.example.cn/{z}/{x}/{y}.png; {s} or {s:1234} for subdomains.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tile server coordinates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The coordinate system the tile server draws in. Gaode/AMap-style maps use GCJ-02; automatic recognises the common ones by their address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WGS-84 (GPS, OpenStreetMap, Tianditu)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GCJ-02 (Gaode/AMap, Tencent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recordings cache (MB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much disk the recordings downloaded for offline review may take; the least recently used are removed first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
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
    <name>ShellStatusBar</name>
    <message>
        <source>● Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Reconnecting (attempt %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Signed out by the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session has ended on the server. Sign out and sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection to the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsent: –</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions kept on this workstation that the server has not confirmed yet. They are sent automatically.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loop p99: – ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loop p99: %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How late the interface handles its events (99th percentile). Click for diagnostics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StreamBudgetLabel</name>
    <message>
        <source>Main streams %1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(%1 waiting)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiles that are large, maximised or zoomed play the camera&apos;s main stream, up to the limit set in Settings; the others play the sub stream.</source>
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
    <name>TrackPanel</name>
    <message>
        <source>Searching the passes of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 passes, oldest first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No checkpoint has seen %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a plate number, e.g. 琼C·12345.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plate, e.g. 琼C·12345</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show where checkpoints saw this vehicle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last 3 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a plate number: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server cannot be reached: vehicle tracks need the connection. Try again when it is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role may not search vehicle tracks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VerificationDialog</name>
    <message>
        <source>Choose a camera first.</source>
        <extracomment>Live cameras shown at once (a 2 x 2 grid). How often the comparison takes the selected camera&apos;s latest picture.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The camera has no picture yet; wait for it to play.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the snapshot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait until the snapshots are saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unit reported again after some of these snapshots; remove them and capture the site again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queuing the verdict…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queuing the verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2 · %3 · %4 · %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unit has not reported back yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit feedback (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify by video — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This event is %1: it is not awaiting verification.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (named on the event)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 m away)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture at least one verification snapshot before passing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write what is still wrong: the unit reads it with the event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pictures came with the event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching a picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The picture could not be fetched: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching the picture…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No camera near the place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No original picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for pictures…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparing with %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snapshot kept: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The snapshot could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start verifying %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification of %1: passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification of %1: failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close %1 as resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send %1 back to the unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not queue the verdict: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify by video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without a verdict? The snapshots stay in the evidence folder, but the comment is lost and nothing is sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported and fed back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live: cameras nearest the place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a camera to compare it with the original and to capture from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before and after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wipe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag to wipe between the original (left) and the live picture (right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification snapshots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the live picture of the selected camera as proof</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment (the reason, when it fails)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the cameras show now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pass and close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site is really handled: close the event as resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fail and send back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The problem is still there: reopen the event and send it back to the unit with the reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VerificationFeature</name>
    <message>
        <source>Reading the event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event cannot be verified now: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification passed; the event will be closed as resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification failed; the event goes back to the unit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VideoTile</name>
    <message>
        <source>No camera</source>
        <extracomment>Something drawn over the picture: its rectangle in the tile and how to draw it there. new pictures painted so far (diagnostics and the wall benchmark)</extracomment>
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
<context>
    <name>WallFiguresBox</name>
    <message>
        <source>Video wall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Players in use:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wedged players:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main streams:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(%1 not released yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in use of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(%1 more wanted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no stream yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reconnecting %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sub</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WallStreams</name>
    <message>
        <source>No stream address: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The camera has no stream</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WallTile</name>
    <message>
        <source>No camera on this patrol page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop a camera here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the stream…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WallView</name>
    <message>
        <source>Layout of this page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom grid…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous page (PageUp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next page (PageDown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send to screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a tile first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tile shows no camera.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tile has no picture yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screen %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the main window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show stream figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove camera from tile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send page to screen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_EntryWidget</name>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_ViewTile</name>
    <message>
        <source>No camera</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
