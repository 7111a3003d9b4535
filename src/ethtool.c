// SPDX-License-Identifier: GPL-2.0
/*
 * igbx: ethtool operations.
 */
#include <linux/ethtool.h>
#include <linux/linkmode.h>

#include "igbx.h"

static void igbx_get_drvinfo(struct net_device *netdev,
			     struct ethtool_drvinfo *info)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);

	strscpy(info->driver, IGBX_DRV_NAME, sizeof(info->driver));
	strscpy(info->version, IGBX_DRV_VERSION, sizeof(info->version));
	strscpy(info->bus_info, pci_name(adapter->pdev),
		sizeof(info->bus_info));
}

static void igbx_add_copper_modes(unsigned long *modes)
{
	linkmode_set_bit(ETHTOOL_LINK_MODE_10baseT_Half_BIT, modes);
	linkmode_set_bit(ETHTOOL_LINK_MODE_10baseT_Full_BIT, modes);
	linkmode_set_bit(ETHTOOL_LINK_MODE_100baseT_Half_BIT, modes);
	linkmode_set_bit(ETHTOOL_LINK_MODE_100baseT_Full_BIT, modes);
	linkmode_set_bit(ETHTOOL_LINK_MODE_1000baseT_Full_BIT, modes);
	linkmode_set_bit(ETHTOOL_LINK_MODE_Autoneg_BIT, modes);
	linkmode_set_bit(ETHTOOL_LINK_MODE_TP_BIT, modes);
	linkmode_set_bit(ETHTOOL_LINK_MODE_Pause_BIT, modes);
	linkmode_set_bit(ETHTOOL_LINK_MODE_Asym_Pause_BIT, modes);
}

static int igbx_get_link_ksettings(struct net_device *netdev,
				   struct ethtool_link_ksettings *cmd)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);
	struct igbx_link link = { .speed = SPEED_UNKNOWN,
				  .duplex = DUPLEX_UNKNOWN };

	ethtool_link_ksettings_zero_link_mode(cmd, supported);
	ethtool_link_ksettings_zero_link_mode(cmd, advertising);
	igbx_add_copper_modes(cmd->link_modes.supported);
	/* igbx_link_setup() advertises everything that is supported. */
	igbx_add_copper_modes(cmd->link_modes.advertising);

	if (netif_running(netdev))
		igbx_link_read(&adapter->hw, &link);
	cmd->base.speed = link.up ? link.speed : SPEED_UNKNOWN;
	cmd->base.duplex = link.up ? link.duplex : DUPLEX_UNKNOWN;
	cmd->base.port = PORT_TP;
	cmd->base.phy_address = IGBX_PHY_ADDR;
	cmd->base.autoneg = AUTONEG_ENABLE;
	cmd->base.mdio_support = ETH_MDIO_SUPPORTS_C22;
	return 0;
}

static int igbx_nway_reset(struct net_device *netdev)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);

	if (!netif_running(netdev))
		return -EAGAIN;
	return igbx_link_restart_autoneg(&adapter->hw);
}

static u32 igbx_get_msglevel(struct net_device *netdev)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);

	return adapter->msg_enable;
}

static void igbx_set_msglevel(struct net_device *netdev, u32 level)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);

	adapter->msg_enable = level;
}

static const struct ethtool_ops igbx_ethtool_ops = {
	.get_drvinfo		= igbx_get_drvinfo,
	.get_link		= ethtool_op_get_link,
	.get_link_ksettings	= igbx_get_link_ksettings,
	.nway_reset		= igbx_nway_reset,
	.get_msglevel		= igbx_get_msglevel,
	.set_msglevel		= igbx_set_msglevel,
};

/**
 * igbx_set_ethtool_ops() - attach igbx's ethtool operations
 * @netdev: our net_device
 */
void igbx_set_ethtool_ops(struct net_device *netdev)
{
	netdev->ethtool_ops = &igbx_ethtool_ops;
}
