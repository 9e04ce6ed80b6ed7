from factwire.cli import main

main()
