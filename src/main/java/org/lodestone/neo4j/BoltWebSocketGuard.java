package org.lodestone.neo4j;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

/**
 * First handler of every Bolt connection: a WebSocket upgrade ({@code GET ...}) from a web page whose
 * {@code Origin} or {@code Host} the {@link BrowserOriginPolicy} does not trust is answered 403 and closed before
 * Neo4j sees it. Anything else (the Bolt preamble of a driver, TLS) passes untouched, and the handler leaves the
 * pipeline after the first bytes, so it costs an established connection nothing.
 */
final class BoltWebSocketGuard extends ByteToMessageDecoder {

	/** Browsers send a handshake of a few hundred bytes; more without the end of the headers is not one. */
	private static final int MAX_HANDSHAKE = 8192;

	private static final byte[] END_OF_HEADERS = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

	private final BrowserOriginPolicy policy;

	BoltWebSocketGuard(BrowserOriginPolicy policy) {
		this.policy = policy;
	}

	@Override
	protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
		if (in.readableBytes() < 4) {
			return;
		}
		if (!startsWithGet(in)) {
			// Removing a ByteToMessageDecoder hands what it has buffered to the next handler.
			ctx.pipeline().remove(this);
			return;
		}
		int end = indexOf(in, END_OF_HEADERS);
		if (end < 0) {
			if (in.readableBytes() > MAX_HANDSHAKE) {
				refuse(ctx, in, "431 Request Header Fields Too Large");
			}
			return;
		}
		String head = in.toString(in.readerIndex(), end - in.readerIndex(), StandardCharsets.ISO_8859_1);
		if (this.policy.allowsHost(header(head, "host")) && this.policy.allowsOrigin(header(head, "origin"))) {
			ctx.pipeline().remove(this);
		}
		else {
			refuse(ctx, in, "403 Forbidden");
		}
	}

	private static boolean startsWithGet(ByteBuf in) {
		int at = in.readerIndex();
		return in.getByte(at) == 'G' && in.getByte(at + 1) == 'E' && in.getByte(at + 2) == 'T'
				&& in.getByte(at + 3) == ' ';
	}

	private static int indexOf(ByteBuf in, byte[] needle) {
		int last = in.writerIndex() - needle.length;
		for (int i = in.readerIndex(); i <= last; i++) {
			int j = 0;
			while (j < needle.length && in.getByte(i + j) == needle[j]) {
				j++;
			}
			if (j == needle.length) {
				return i;
			}
		}
		return -1;
	}

	/** The first value of a header, or {@code null}; header names are case-insensitive. */
	static String header(String head, String name) {
		for (String line : head.split("\r\n")) {
			int colon = line.indexOf(':');
			if (colon > 0 && line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals(name)) {
				return line.substring(colon + 1).strip();
			}
		}
		return null;
	}

	private static void refuse(ChannelHandlerContext ctx, ByteBuf in, String status) {
		in.skipBytes(in.readableBytes());
		String response = "HTTP/1.1 " + status + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
		ctx.writeAndFlush(Unpooled.copiedBuffer(response, StandardCharsets.US_ASCII))
			.addListener(ChannelFutureListener.CLOSE);
	}

}
