"""The alert queue (Alerts dock): machine detections live from the event stream, ordered by
priority and time, with a preview and the operator's actions on them."""
