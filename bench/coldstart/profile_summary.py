"""Where a cold start's CPU time goes, from async-profiler's collapsed stacks (docs/benchmarks.md, "What dominates").

    python3 bench/coldstart/profile_summary.py /tmp/quote.collapsed 2     # 2 = the sampling interval in ms

Prints the CPU per thread and the inclusive CPU of a few named parts. Parts overlap (class loading happens
inside Hibernate's boot, for example), so they do not add up to the total.
"""

import sys
from collections import Counter

PARTS = [
    ("class loading (all threads)", ("java/lang/ClassLoader.loadClass", "java/lang/ClassLoader.defineClass1")),
    ("  of which parsing/verifying/linking (defineClass)", ("java/net/URLClassLoader.defineClass",)),
    ("  of which finding the class in lib/*.jar", ("jdk/internal/loader/URLClassPath.getResource",)),
    ("Hibernate: metadata (static init, main thread)", ("PersistenceUnitsHolder.initializeJpa",)),
    ("Hibernate: session factory (JPA startup thread)", ("JPAConfig$1.run",)),
    ("first request: the function's code", ("FunctionInvoker.invoke", "RenewalTickHandler.handleRequest")),
    ("  HQL parsing (ANTLR + SQM)", ("StandardHqlTranslator.translate",)),
    ("  JWT (smallrye-jwt + jose4j)", ("io/smallrye/jwt/", "org/jose4j/")),
    ("  PostgreSQL connection", ("org/postgresql/Driver.connect",)),
    ("SmallRye Config built at start", ("SmallRyeConfigBuilder.build",)),
    ("Quarkus SnapStart class preloading", ("PreloadClassesRecorder",)),
    ("Jackson", ("com/fasterxml/",)),
    ("JIT compiler threads", ("[C1 CompilerThre", "[C2 CompilerThre")),
]


def main():
    path, interval_ms = sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 2.0
    threads, parts, total = Counter(), Counter(), 0
    for line in open(path):
        stack, n = line.rsplit(" ", 1)
        n = int(n)
        total += n
        threads[stack.split(";", 1)[0]] += n
        for name, markers in PARTS:
            if any(m in stack for m in markers):
                parts[name] += n
    ms = lambda n: "%6.0f ms" % (n * interval_ms)  # noqa: E731
    print("%s  total CPU sampled" % ms(total))
    print("\nper thread:")
    for t, n in threads.most_common(8):
        print("%s  %s" % (ms(n), t))
    print("\nparts (inclusive):")
    for name, _ in PARTS:
        print("%s  %4.0f %%  %s" % (ms(parts[name]), 100.0 * parts[name] / total, name))


if __name__ == "__main__":
    main()
