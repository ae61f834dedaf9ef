# Thin wrappers over the commands README.md shows. `make local` and `make test` install first.
FUNCTION ?= ExpressFunction
EVENT ?= events/express-ping.json
LAMBDA_PORT ?= 3001
JEST_ARGS ?=

.PHONY: install test lint build deploy invoke invoke-sam local local-sam start-lambda delete smoke bench

# The SAM CLI and Docker targets say what is missing instead of make's bare "Error 127", naming the
# target the user typed (`make deploy` checks sam in its prerequisite `build`).
NEED_SAM = @command -v sam >/dev/null 2>&1 || { echo "make $(or $(MAKECMDGOALS),$@): the AWS SAM CLI is not installed (or not on PATH). Install a release that supports nodejs24.x: see 'Install the AWS SAM CLI' in the AWS SAM developer guide." >&2; exit 1; }
NEED_DOCKER = @docker info >/dev/null 2>&1 || { echo "make $(or $(MAKECMDGOALS),$@): sam local runs each function in a Docker container, and Docker is not running (or not installed). Start Docker, or use 'make local', which needs no Docker." >&2; exit 1; }
# `sam deploy --guided` saves its answers (the region among them) to samconfig.toml; after that a plain `sam deploy` asks nothing.
DEPLOY_FLAGS ?= $(if $(shell grep -qs '^region' samconfig.toml && echo saved),,--guided)

# npm ci only when node_modules is missing or older than package-lock.json (the same script `npm start` runs first).
install:
	node dev/install-if-missing.cjs

test: install
	npm test -- $(JEST_ARGS)

lint: install
	npm run typecheck
	npm run lint
	npm run lint:workflows
	npm run lint:template

# sam build never reads our node_modules: it copies the project without it to a temporary directory,
# installs the production dependencies there and bundles with the esbuild installed there (or on PATH).
build:
	$(NEED_SAM)
	sam build

deploy: build
	sam deploy $(DEPLOY_FLAGS)

# sam local invoke without Docker, on the local nodejs24.x runtime; invoke-sam runs the real image.
invoke: install
	npm run invoke -- $(FUNCTION) -e $(EVENT)

invoke-sam: build
	$(NEED_DOCKER)
	sam local invoke $(FUNCTION) -e $(EVENT)

# The local API on 3000 and, with the same instances, the Lambda Invoke API on 3001 (sam local start-lambda's port).
local: install
	npm start -- --lambda-port $(LAMBDA_PORT)

start-lambda: install
	npm run start-lambda

local-sam: build
	$(NEED_DOCKER)
	sam local start-api

delete:
	$(NEED_SAM)
	sam delete

smoke: install
	$(NEED_SAM)
	npm run smoke

bench: install
	npm run bench
