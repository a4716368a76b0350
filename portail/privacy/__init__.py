"""Personal data in what residents write: detection and masking before anything is published.

The engine (masking.py and the modules it uses) imports nothing from Django; the app only adds
the `mask_personal_data` management command.
"""
