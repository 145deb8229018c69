"""One module per `cuttings` subcommand; each defines `register(subparsers)`.

The command line discovers the modules here, so adding a command is adding a file. Modules keep
heavy imports inside their functions so that `cuttings --help` and quick commands stay fast.
"""
