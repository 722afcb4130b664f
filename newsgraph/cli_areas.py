"""Imports every ``cli_<area>`` module so its commands register on the app."""
