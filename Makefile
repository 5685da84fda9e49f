# vpcsc-audit: the two set-up commands are `make demo` and `make test`.
MVN ?= mvn -B -ntp
JAR := target/vpcsc-audit.jar
SAMPLE_PROJECT := 123456789012
SAMPLE := samples/gdc-perimeters.json
SERVICES := samples/supported-services.json
LEVELS := samples/access-levels.json

.PHONY: build test tools demo demo-json bench format clean install dist

## build: compile and package the runnable jar at target/vpcsc-audit.jar (no tests)
build:
	$(MVN) -DskipTests package

SARIF_VALIDATOR := .tools/sarif-multitool/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool

## test: run every test (unit, CLI, golden files, the real gcloud, terraform and SARIF validator) and package the jar
test: tools $(SARIF_VALIDATOR)
	$(MVN) verify

## Microsoft's SARIF validator (npm @microsoft/sarif-multitool-linux, pinned), for the SARIF tests
$(SARIF_VALIDATOR):
	@command -v npm >/dev/null || { echo "make test: npm is not installed: it installs Microsoft's SARIF validator for the SARIF tests" >&2; exit 1; }
	npm install --no-save --no-audit --no-fund --loglevel=error --prefix .tools/sarif-multitool @microsoft/sarif-multitool-linux@5.7.0
	chmod u+x $(SARIF_VALIDATOR)

## tools: the real peers the tests run must be installed (they are never skipped)
tools:
	@command -v gcloud >/dev/null || { echo "make test: gcloud is not installed (Debian package google-cloud-cli): the plan tests run the real Google Cloud CLI" >&2; exit 1; }
	@command -v terraform >/dev/null || { echo "make test: terraform is not installed (1.11 or newer): the Terraform tests run the real terraform fmt" >&2; exit 1; }

## demo: build, then audit the bundled sample export offline (no cloud account needed)
demo: build
	@echo "\$$ java -jar $(JAR) audit --project $(SAMPLE_PROJECT) --from-file $(SAMPLE) --services-file $(SERVICES) --access-levels-file $(LEVELS)"
	@java -jar $(JAR) audit --project $(SAMPLE_PROJECT) --from-file $(SAMPLE) --services-file $(SERVICES) --access-levels-file $(LEVELS); \
	  status=$$?; echo; \
	  case $$status in \
	    0) echo "exit code 0: the sample is compliant.";; \
	    1) echo "exit code 1: the audit completed and found errors (see --fail-on). This sample is built to fail: its enforced config misses services that its dry-run spec partly stages.";; \
	    *) echo "exit code $$status: the demo failed."; exit $$status;; \
	  esac

## demo-json: the same audit as the JSON report
demo-json: build
	@java -jar $(JAR) audit --project $(SAMPLE_PROJECT) --from-file $(SAMPLE) --format json; \
	  status=$$?; test $$status -le 1

## bench: start-up, memory and live reads side by side with a bare JVM, python's json.load and the
## real gcloud; then in-process figures (offline audit, plans, live discovery). Figures, not asserts.
bench: build
	$(MVN) -q -DskipTests test-compile
	$(MVN) -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
	bench/compare
	bench/run

## format: apply google-java-format (make test checks it)
format:
	$(MVN) spotless:apply

## install: put vpcsc-audit on PATH: PREFIX/bin/vpcsc-audit, with the jar and its class-data
## archives in PREFIX/lib/vpcsc-audit (PREFIX defaults to ~/.local, whose bin most shells have on PATH)
PREFIX ?= $(HOME)/.local
install: build
	bin/install "$(PREFIX)"

## dist: the release archive target/vpcsc-audit-VERSION.tar.gz, the install layout under one folder
## (unpack it, then run its bin/install PREFIX)
dist: build
	bin/install --dist

clean:
	$(MVN) clean
