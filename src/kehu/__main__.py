import sys

from kehu.app import main

sys.exit(main())
