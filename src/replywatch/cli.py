"""Command line entry point (placeholder until the CLI lands)."""


def main() -> int:
    """Run the command line; return the exit code."""
    return 0
