from ansible.errors import AnsibleFilterError
from ansible.module_utils._text import to_text


def shout(value, times=1, sep=' '):
    return sep.join([to_text(value).upper() + '!'] * times)


def strict_int(value):
    if not isinstance(value, int):
        raise AnsibleFilterError('strict_int wants an int, got %s' % type(value).__name__)
    return value


def broken(value):
    raise ValueError('cannot handle %r' % (value,))


def keys_sorted(value):
    return sorted(value.keys())


class FilterModule(object):
    def filters(self):
        return {
            'shout': shout,
            'strict_int': strict_int,
            'broken': broken,
            'keys_sorted': keys_sorted,
            'upper': lambda s: 'custom upper of ' + s,
            'to_json': lambda v: 'custom to_json',
        }
