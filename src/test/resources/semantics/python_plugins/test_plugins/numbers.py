from ansible.errors import AnsibleError


def multiple_of(value, n):
    if n == 0:
        raise AnsibleError('multiple_of needs a non-zero divisor')
    return value % n == 0


class TestModule:
    def tests(self):
        return {'multiple_of': multiple_of, 'positive': lambda v: v > 0}
