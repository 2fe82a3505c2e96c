"""`python -m b2c_cli`: the same entry point as the `b2c` command."""

from b2c_cli.cli import main

if __name__ == "__main__":
    main()
