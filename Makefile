# Thin wrappers over the commands README.md shows. `make local` and `make test` install first.
FUNCTION ?= ExpressFunction
EVENT ?= events/express-ping.json
JEST_ARGS ?=

.PHONY: install test lint build deploy invoke local local-sam delete smoke bench

# npm ci only when node_modules is missing or older than package-lock.json (the same script `npm start` runs first).
install:
	node dev/install-if-missing.cjs

test: install
	npm test -- $(JEST_ARGS)

lint: install
	npm run typecheck
	npm run lint
	npm run lint:template

build:
	sam build

deploy: build
	sam deploy --guided

invoke: build
	sam local invoke $(FUNCTION) -e $(EVENT)

local: install
	npm start

local-sam: build
	sam local start-api

delete:
	sam delete

smoke: install
	npm run smoke

bench: install
	npm run bench
