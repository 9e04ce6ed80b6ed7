"""Where factwire may connect: public addresses, plus the hosts and networks a person allowed.

A link found in a feed, and every redirect, is someone else's choice of address. Each connection is
resolved once, every address it resolves to is checked, and the socket connects to a checked
address (so a name that answers differently the second time, DNS rebinding, gains nothing).
Loopback, private, link-local, multicast, reserved and unspecified addresses are refused, IPv4
forms hidden inside IPv6 ones (mapped, NAT64, 6to4, Teredo) included; numeric spellings such as
`2130706433`, `0x7f.1` or `0177.0.0.1` are read the way the C library reads them.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import httpcore

from factwire.errors import FetchRefused

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
Resolver = Callable[[str, int], list[str]]

_PRIVATE = tuple(ipaddress.ip_network(n) for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"))
_SHARED = ipaddress.ip_network("100.64.0.0/10")  # carrier-grade NAT: inside someone's network
_THIS_NETWORK = ipaddress.ip_network("0.0.0.0/8")  # connecting to 0.0.0.0 reaches this machine on Linux
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
ALLOW_HINT = "FACTWIRE_FETCH_ALLOW"


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one carries (mapped, NAT64, 6to4, Teredo client), if any."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    return None


def address_kind(ip: IPAddress) -> str | None:
    """Why an address is not a public one ("loopback", "private", ...), or None when it is public."""
    if isinstance(ip, ipaddress.IPv6Address):
        inner = _embedded_ipv4(ip)
        if inner is not None and (kind := address_kind(inner)):
            return f"{kind} (IPv4 {inner} inside IPv6 {ip})"
        if ip.ipv4_mapped is not None or ip in _NAT64:
            return None  # the IPv4 address it stands for is public
    if ip.is_unspecified or ip in _THIS_NETWORK:
        return "unspecified"
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link-local"
    if ip.is_multicast:
        return "multicast"
    if any(ip in net for net in _PRIVATE if net.version == ip.version):
        return "private"
    if isinstance(ip, ipaddress.IPv6Address) and ip.is_site_local:
        return "private (site-local)"
    if ip in _SHARED:
        return "shared (carrier-grade NAT)"
    if ip.is_reserved or ip.is_private or not ip.is_global:
        return "reserved"
    return None


def literal_address(host: str) -> IPAddress | None:
    """The address a host names literally, numeric IPv4 spellings included; None for a name.

    `2130706433`, `0x7f.1`, `127.1` and `0177.0.0.1` all name 127.0.0.1 to the C library
    (inet_aton), and so to anything that connects; they are read the same way here.
    """
    host = host.strip("[]").split("%")[0]
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    if host and all(part and (part.isdigit() or part.lower().startswith("0x")) for part in host.split(".")):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    return None


def resolve(host: str, port: int) -> list[str]:
    """The addresses a host resolves to (an address literal resolves to itself), in the resolver's order."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    seen: list[str] = []
    for *_, sockaddr in infos:
        address = str(sockaddr[0]).split("%")[0]
        if address not in seen:
            seen.append(address)
    return seen


def _host_key(host: str) -> str:
    return host.strip("[]").rstrip(".").lower()


@dataclass(frozen=True)
class AddressPolicy:
    """Which destinations are allowed: public addresses, named hosts and networks, and typed origins."""

    allow_hosts: frozenset[str] = frozenset()
    allow_networks: tuple[IPNetwork, ...] = ()
    # (host, port) of a URL a person typed: their choice, connected at the address it resolves to.
    trusted: frozenset[tuple[str, int]] = field(default_factory=frozenset)

    @classmethod
    def parse(cls, entries: Iterable[str]) -> AddressPolicy:
        """A policy from allow entries: host names (`intranet.example`, `*.corp.example`), addresses, networks."""
        hosts: set[str] = set()
        nets: list[IPNetwork] = []
        for entry in entries:
            entry = entry.strip()
            if not entry:
                continue
            try:
                nets.append(ipaddress.ip_network(entry.strip("[]"), strict=False))
                continue
            except ValueError:
                pass
            name = _host_key(entry)
            if not name.lstrip("*.") or any(c in name for c in "/:@ "):
                raise ValueError(f"{ALLOW_HINT}: {entry!r} is neither a host name nor an address or network")
            hosts.add(name)
        return cls(frozenset(hosts), tuple(nets))

    def trusting(self, host: str, port: int) -> AddressPolicy:
        """The same policy, also allowing one origin a person typed."""
        return AddressPolicy(self.allow_hosts, self.allow_networks, self.trusted | {(_host_key(host), port)})

    def host_allowed(self, host: str, port: int) -> bool:
        """Whether a host is allowed by name (an allow entry or a typed origin), whatever it resolves to."""
        name = _host_key(host)
        if (name, port) in self.trusted or name in self.allow_hosts:
            return True
        return any(entry.startswith(("*.", ".")) and name.endswith("." + entry.lstrip("*."))
                   for entry in self.allow_hosts)

    def refusal(self, host: str, port: int, address: str) -> str | None:
        """Why connecting to `host` at `address` is refused, or None when it is allowed."""
        if self.host_allowed(host, port):
            return None
        ip = ipaddress.ip_address(address)
        kind = address_kind(ip)
        if kind is None or any(ip in net for net in self.allow_networks if net.version == ip.version):
            return None
        name = host.strip("[]")
        where = f"{name} is" if name == str(ip) else f"{name} is {ip},"
        article = "an" if kind[0] in "aeiou" else "a"
        return (f"refused: {where} {article} {kind} address (links found in feeds and redirects may only reach public "
                f"addresses; allow a host or network with {ALLOW_HINT})")


class GuardedBackend(httpcore.SyncBackend):
    """httpcore's socket backend, resolving each host once and connecting only to addresses the policy allows."""

    def __init__(self, policy: AddressPolicy, resolver: Resolver = resolve) -> None:
        self.policy = policy
        self.resolver = resolver

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Iterable[tuple] | None = None) -> httpcore.NetworkStream:
        """Resolve, refuse if any address is not allowed, then connect to a checked address."""
        try:
            addresses = self.resolver(host, port)
        except OSError as exc:
            raise httpcore.ConnectError(f"cannot resolve {host}: {exc.strerror or exc}") from None
        for address in addresses:
            reason = self.policy.refusal(host, port, address)
            if reason:
                raise FetchRefused(reason)
        last: Exception = httpcore.ConnectError(f"{host} resolves to no address")
        for address in addresses:
            try:  # an address literal: the socket connects to exactly what was checked, no second lookup
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
        raise last
