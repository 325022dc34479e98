def signaal_monitoring_check(signaal):
    return None
