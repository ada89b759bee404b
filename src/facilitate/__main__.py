from facilitate.cli import main

main()
