// trilateral-ssh: see SSHServer.swift. Started by `trilateral present --ssh`.
