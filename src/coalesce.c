// SPDX-License-Identifier: GPL-2.0
/*
 * igbx: interrupt moderation.  One EITR interval per vector (datasheet
 * 8.8.12, 1 us units in bits 14:2), either fixed (ethtool -C rx-usecs) or
 * chosen from the traffic by the kernel's DIM library (adaptive-rx).
 * RX and TX of a queue pair share their vector, so they share the setting.
 */
#include "igbx.h"

static void igbx_dim_work(struct work_struct *work)
{
	struct dim *dim = container_of(work, struct dim, work);
	struct igbx_q_vector *qv = container_of(dim, struct igbx_q_vector,
						dim);
	struct dim_cq_moder m;

	m = net_dim_get_rx_moderation(dim->mode, dim->profile_ix);
	qv->itr_us = min_t(u32, m.usec, IGBX_MAX_ITR_US);
	igbx_irq_write_itr(qv);
	dim->state = DIM_START_MEASURE;
}

/**
 * igbx_dim_init() - prepare a vector's DIM state
 * @q_vector: vector
 */
void igbx_dim_init(struct igbx_q_vector *q_vector)
{
	INIT_WORK(&q_vector->dim.work, igbx_dim_work);
	q_vector->dim.mode = DIM_CQ_PERIOD_MODE_START_FROM_EQE;
}

/**
 * igbx_dim_sample() - feed DIM one sample at the end of a NAPI cycle
 * @q_vector: vector, adaptive
 */
void igbx_dim_sample(struct igbx_q_vector *q_vector)
{
	struct dim_sample sample = {};

	dim_update_sample(++q_vector->events,
			  q_vector->rx.stats.packets + q_vector->tx.stats.packets,
			  q_vector->rx.stats.bytes + q_vector->tx.stats.bytes,
			  &sample);
	igbx_net_dim(&q_vector->dim, &sample);
}

/**
 * igbx_coal_apply() - set a vector's moderation and program it
 * @q_vector: vector
 * @usecs: fixed interval, used when not @adaptive
 * @adaptive: let DIM choose
 */
void igbx_coal_apply(struct igbx_q_vector *q_vector, u16 usecs, bool adaptive)
{
	q_vector->usecs = usecs;
	q_vector->adaptive = adaptive;
	if (!adaptive) {
		q_vector->itr_us = usecs;
		igbx_irq_write_itr(q_vector);
	}
}

/**
 * igbx_coal_pick() - the setting an ethtool request asks for
 * @cur_usecs: current interval
 * @cur_adaptive: current adaptive state
 * @ec: request (rx and tx values)
 * @usecs: resulting interval
 * @adaptive: resulting adaptive state
 * @extack: for the reason of a refusal
 *
 * A value changed on one side only applies to both; both sides changed to
 * different values cannot be done with one vector per queue pair.  An
 * interval cannot be set while adaptive moderation stays on.
 *
 * Return: 0, or -EINVAL with a message in @extack.
 */
int igbx_coal_pick(u16 cur_usecs, bool cur_adaptive,
		   const struct ethtool_coalesce *ec, u16 *usecs,
		   bool *adaptive, struct netlink_ext_ack *extack)
{
	u32 rx = ec->rx_coalesce_usecs, tx = ec->tx_coalesce_usecs;
	bool arx = ec->use_adaptive_rx_coalesce;
	bool atx = ec->use_adaptive_tx_coalesce;
	u32 u;

	if (rx != cur_usecs && tx != cur_usecs && rx != tx) {
		NL_SET_ERR_MSG_MOD(extack,
				   "rx-usecs and tx-usecs share one vector per queue pair and must be equal");
		return -EINVAL;
	}
	u = rx != cur_usecs ? rx : tx;
	if (u > IGBX_MAX_ITR_US) {
		NL_SET_ERR_MSG_FMT_MOD(extack,
				       "interval %u us is above the device's maximum of %lu us",
				       u, IGBX_MAX_ITR_US);
		return -EINVAL;
	}
	if (arx != cur_adaptive && atx != cur_adaptive && arx != atx) {
		NL_SET_ERR_MSG_MOD(extack,
				   "adaptive-rx and adaptive-tx share one vector per queue pair and must be equal");
		return -EINVAL;
	}
	*adaptive = arx != cur_adaptive ? arx : atx;
	/* DIM owns the interval: a fixed one given now would never apply. */
	if (*adaptive && u != cur_usecs) {
		NL_SET_ERR_MSG_MOD(extack,
				   "rx-usecs is chosen by adaptive-rx; turn adaptive-rx off to set a fixed interval");
		return -EINVAL;
	}
	*usecs = u;
	return 0;
}
