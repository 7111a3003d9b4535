/* SPDX-License-Identifier: GPL-2.0 */
/*
 * igbx tracepoints: the datapath as the kernel sees it, one event per step.
 *
 *   igbx_irq          a vector fired (hard IRQ; MSI-X vector 0 is other
 *                     causes, and MSI or INTx is vector 0 for everything)
 *   igbx_poll_start   net_rx_action called igbx_poll() with this budget;
 *                     napi= prints like napi:napi_poll's pointer, so the
 *                     two events can be matched
 *   igbx_poll_end     what the poll did: TX frames cleaned, RX frames,
 *                     and whether it completed (interrupt re-armed)
 *   igbx_rx_refill    buffers asked for and given to the device
 *   igbx_doorbell     a tail (RDT/TDT) write: ring, value, descriptors
 *   igbx_reset        the reset task reinitialised the port
 *
 * Like every tracepoint they cost a static branch when off.  Enable them
 * with `echo 1 > /sys/kernel/tracing/events/igbx/enable`; the walk-through
 * in Documentation/igbx.rst names where each one sits.
 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM igbx

#if !defined(_IGBX_TRACE_H) || defined(TRACE_HEADER_MULTI_READ)
#define _IGBX_TRACE_H

#include <linux/netdevice.h>
#include <linux/tracepoint.h>

struct igbx_q_vector;
struct igbx_ring;

TRACE_EVENT(igbx_irq,
	    TP_PROTO(const struct net_device *netdev, int vector, int irq),
	    TP_ARGS(netdev, vector, irq),
	    TP_STRUCT__entry(__string(dev, netdev->name)
			     __field(int, vector)
			     __field(int, irq)),
	    TP_fast_assign(igbx_assign_str(dev, netdev->name);
			   __entry->vector = vector;
			   __entry->irq = irq;),
	    TP_printk("dev=%s vector=%d irq=%d", __get_str(dev), __entry->vector,
		      __entry->irq)
);

TRACE_EVENT(igbx_poll_start,
	    TP_PROTO(const struct igbx_q_vector *qv, int budget),
	    TP_ARGS(qv, budget),
	    TP_STRUCT__entry(__string(dev, qv->adapter->netdev->name)
			     __field(const void *, napi)
			     __field(u16, vector)
			     __field(int, budget)),
	    TP_fast_assign(igbx_assign_str(dev, qv->adapter->netdev->name);
			   __entry->napi = &qv->napi;
			   __entry->vector = qv->v_idx;
			   __entry->budget = budget;),
	    TP_printk("dev=%s napi=%p vector=%u budget=%d", __get_str(dev),
		      __entry->napi, __entry->vector, __entry->budget)
);

TRACE_EVENT(igbx_poll_end,
	    TP_PROTO(const struct igbx_q_vector *qv, int budget,
		     unsigned int tx_cleaned, int rx_frames, bool complete),
	    TP_ARGS(qv, budget, tx_cleaned, rx_frames, complete),
	    TP_STRUCT__entry(__string(dev, qv->adapter->netdev->name)
			     __field(const void *, napi)
			     __field(u16, vector)
			     __field(int, budget)
			     __field(unsigned int, tx_cleaned)
			     __field(int, rx_frames)
			     __field(bool, complete)),
	    TP_fast_assign(igbx_assign_str(dev, qv->adapter->netdev->name);
			   __entry->napi = &qv->napi;
			   __entry->vector = qv->v_idx;
			   __entry->budget = budget;
			   __entry->tx_cleaned = tx_cleaned;
			   __entry->rx_frames = rx_frames;
			   __entry->complete = complete;),
	    TP_printk("dev=%s napi=%p vector=%u budget=%d tx_cleaned=%u rx_frames=%d complete=%d",
		      __get_str(dev), __entry->napi, __entry->vector, __entry->budget,
		      __entry->tx_cleaned, __entry->rx_frames, __entry->complete)
);

TRACE_EVENT(igbx_rx_refill,
	    TP_PROTO(const struct igbx_ring *ring, u16 wanted, u16 given),
	    TP_ARGS(ring, wanted, given),
	    TP_STRUCT__entry(__string(dev, ring->netdev->name)
			     __field(u16, queue)
			     __field(u16, wanted)
			     __field(u16, given)),
	    TP_fast_assign(igbx_assign_str(dev, ring->netdev->name);
			   __entry->queue = ring->index;
			   __entry->wanted = wanted;
			   __entry->given = given;),
	    TP_printk("dev=%s queue=%u wanted=%u given=%u alloc_fail=%d",
		      __get_str(dev), __entry->queue, __entry->wanted,
		      __entry->given, __entry->given < __entry->wanted)
);

TRACE_EVENT(igbx_doorbell,
	    TP_PROTO(const struct igbx_ring *ring, u16 tail, u16 descs),
	    TP_ARGS(ring, tail, descs),
	    TP_STRUCT__entry(__string(dev, ring->netdev->name)
			     __string(ring, igbx_ring_kind(ring))
			     __field(u16, queue)
			     __field(u16, tail)
			     __field(u16, descs)),
	    TP_fast_assign(igbx_assign_str(dev, ring->netdev->name);
			   igbx_assign_str(ring, igbx_ring_kind(ring));
			   __entry->queue = ring->index;
			   __entry->tail = tail;
			   __entry->descs = descs;),
	    TP_printk("dev=%s ring=%s queue=%u tail=%u descs=%u", __get_str(dev),
		      __get_str(ring), __entry->queue, __entry->tail,
		      __entry->descs)
);

TRACE_EVENT(igbx_reset,
	    TP_PROTO(const struct net_device *netdev, int err),
	    TP_ARGS(netdev, err),
	    TP_STRUCT__entry(__string(dev, netdev->name)
			     __field(int, err)),
	    TP_fast_assign(igbx_assign_str(dev, netdev->name);
			   __entry->err = err;),
	    TP_printk("dev=%s err=%d", __get_str(dev), __entry->err)
);

TRACE_EVENT(igbx_wol,
	    TP_PROTO(const struct net_device *netdev, bool armed, u32 wuc,
		     u32 wufc, u32 wus),
	    TP_ARGS(netdev, armed, wuc, wufc, wus),
	    TP_STRUCT__entry(__string(dev, netdev->name)
			     __field(bool, armed)
			     __field(u32, wuc)
			     __field(u32, wufc)
			     __field(u32, wus)),
	    TP_fast_assign(igbx_assign_str(dev, netdev->name);
			   __entry->armed = armed;
			   __entry->wuc = wuc;
			   __entry->wufc = wufc;
			   __entry->wus = wus;),
	    TP_printk("dev=%s %s wuc=%#x wufc=%#x wus=%#x", __get_str(dev),
		      __entry->armed ? "armed" : "disarmed", __entry->wuc,
		      __entry->wufc, __entry->wus)
);

TRACE_EVENT(igbx_vf_msg,
	    TP_PROTO(const struct net_device *netdev, unsigned int vf, u32 type,
		     int err),
	    TP_ARGS(netdev, vf, type, err),
	    TP_STRUCT__entry(__string(dev, netdev->name)
			     __field(unsigned int, vf)
			     __field(u32, type)
			     __field(int, err)),
	    TP_fast_assign(igbx_assign_str(dev, netdev->name);
			   __entry->vf = vf;
			   __entry->type = type;
			   __entry->err = err;),
	    TP_printk("dev=%s vf=%u type=%#x err=%d", __get_str(dev),
		      __entry->vf, __entry->type, __entry->err)
);

#endif /* _IGBX_TRACE_H */

#undef TRACE_INCLUDE_PATH
#define TRACE_INCLUDE_PATH .
#undef TRACE_INCLUDE_FILE
#define TRACE_INCLUDE_FILE trace
#include <trace/define_trace.h>
