"""Background work: the outbox relay, dramatiq broker and worker, effects, scheduler, channels.

A side effect is an outbox row written by the action's `do_*` in the same transaction as the change
(`act.emit(topic, **ids)`, or `act.remind(at, topic, **ids)` for a later time). The relay
(`relay.py`) publishes due rows to dramatiq with a message id derived from the row; a middleware
binds the message's tenant before the actor runs (`broker.py`); the actor runs the topic's effect
(`effects.py`), which marks the row done in the effect's own transaction together with its effect
key, so a redelivery does nothing. Rows not done are published again after their lease; a row that
keeps failing is dead-lettered (`yishi jobs dead`). The relay reads only the platform's marks of
tenants with work due (`wakeup.py`), never every tenant's storage; the scheduler (`scheduler.py`)
runs periodic jobs claimed from rows.

Importing this package registers the door's outbox hook (the wake-up marks); table discovery
imports `core.jobs.tables`, so every process that configures storage has it.
"""

from core.jobs import wakeup as _wakeup  # noqa: F401  (registers the door's outbox hook)
