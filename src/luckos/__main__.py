from luckos.cli import main

main()
