#!/usr/bin/env bash
# Builds .build-fuzz/cdsboard-fuzz: SnapshotKit's sources, the test oracle (ParserExercise,
# NaiveCSV), the meeting room's message codec and Harness.swift in one module,
# with libFuzzer and AddressSanitizer (-sanitize=fuzzer,address).
set -euo pipefail
cd "$(dirname "$0")/.."
out=.build-fuzz
mkdir -p "$out/include"
# A binary left from an earlier build must never pass for this one.
rm -f "$out/cdsboard-fuzz"
cp Sources/CByteScan/include/*.h Sources/CSHA256/include/CSHA256.h Sources/CMapGuard/include/CMapGuard.h "$out/include/"
printf 'module CByteScan {\n    header "CByteScan.h"\n    export *\n}\nmodule CSHA256 {\n    header "CSHA256.h"\n    export *\n}\nmodule CMapGuard {\n    header "CMapGuard.h"\n    export *\n}\n' \
    > "$out/include/module.modulemap"
clang -O2 -g -fsanitize=address -c Sources/CByteScan/CByteScan.c -I Sources/CByteScan/include -o "$out/CByteScan.o"
clang -O2 -g -fsanitize=address -c Sources/CByteScan/TempCleanup.c -I Sources/CByteScan/include -o "$out/TempCleanup.o"
clang -O2 -g -fsanitize=address -c Sources/CSHA256/sha256_hw.c -I Sources/CSHA256/include -o "$out/CSHA256.o"
clang -O2 -g -fsanitize=address -c Sources/CSHA256/crc32c.c -I Sources/CSHA256/include -o "$out/CRC32C.o"
clang -O2 -g -fsanitize=address -c Sources/CMapGuard/MapGuard.c -I Sources/CMapGuard/include -o "$out/CMapGuard.o"
# The oracle is test code (the test support and test targets); CDSBOARD_FUZZ drops its imports.
oracle="Sources/DashboardTestSupport/NaiveCSV.swift Tests/SnapshotKitTests/ParserExercise.swift Tests/SnapshotKitTests/SnapshotExercise.swift"
# The meeting room's message decoder (target room): the route grammar, the codec and its framer.
room="Sources/DashboardCore/State/Route.swift Sources/DashboardCore/State/SnapshotVersion.swift Sources/MeetingRoom/RoomMessage.swift Sources/MeetingRoom/LineFramer.swift Tests/MeetingRoomTests/RoomMessageExercise.swift"
swiftc -O -g -sanitize=fuzzer,address -parse-as-library -module-name SnapshotKit -D CDSBOARD_FUZZ -I "$out/include" \
    $(find Sources/SnapshotKit -name '*.swift' | sort) $oracle $room .fuzz/Harness.swift "$out/CByteScan.o" "$out/CSHA256.o" "$out/CRC32C.o" "$out/CMapGuard.o" "$out/TempCleanup.o" \
    -o "$out/cdsboard-fuzz" 2>&1 | grep -v "Cannot export local symbol" || true
test -x "$out/cdsboard-fuzz"
echo "built $out/cdsboard-fuzz"
