#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// This machine's names and addresses, for a preview served beyond loopback: they are the names
/// other machines reach it by, and the first address that is not loopback is what its links use.
enum MachineAddresses {
    /// Every address of every interface that is up, IPv4 first, numeric, without a zone (`fe80::1`).
    static func addresses() -> [String] {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return [] }
        defer { freeifaddrs(list) }
        var v4: [String] = []
        var v6: [String] = []
        var entry: UnsafeMutablePointer<ifaddrs>? = first
        while let current = entry {
            defer { entry = current.pointee.ifa_next }
            guard let address = current.pointee.ifa_addr, current.pointee.ifa_flags & UInt32(IFF_UP) != 0 else { continue }
            let family = Int32(address.pointee.sa_family)
            guard family == AF_INET || family == AF_INET6 else { continue }
            let length = socklen_t(family == AF_INET ? MemoryLayout<sockaddr_in>.size : MemoryLayout<sockaddr_in6>.size)
            var name = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            guard getnameinfo(address, length, &name, socklen_t(name.count), nil, 0, NI_NUMERICHOST) == 0 else { continue }
            let text = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let bare = String(text.prefix { $0 != "%" })
            if family == AF_INET { v4.append(bare) } else { v6.append(bare) }
        }
        var seen: Set<String> = []
        return (v4 + v6).filter { seen.insert($0).inserted }
    }

    /// The host name, and its `.local` form (mDNS), lowercased.
    static func names() -> [String] {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count) == 0 else { return [] }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self).lowercased()
        guard !name.isEmpty else { return [] }
        return name.hasSuffix(".local") ? [name] : [name, name + ".local"]
    }

    /// What links use when listening on every interface: the first address other machines can open.
    static func firstReachable() -> String? {
        addresses().first { !PreviewServer.isLoopback($0) && !$0.hasPrefix("fe80:") }
    }
}
