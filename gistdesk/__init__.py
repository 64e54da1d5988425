"""gistdesk: a desktop companion for clinics treating gastrointestinal stromal tumors."""

__version__ = "0.1.0"
