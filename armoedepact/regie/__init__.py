"""Regie: the coordinator's work in /beheer/ (what needs attention, reach, rule tests,
import/export, the folder of all regelingen, two-factor log-in)."""
