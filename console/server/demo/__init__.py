"""The demo world: a deterministic, simulated Qionghai, and the simulators that play its field."""
