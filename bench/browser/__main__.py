import sys

from bench.browser.run import main

main(sys.argv[1:])
